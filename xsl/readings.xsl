<?xml version="1.0" encoding="UTF-8"?>
<!-- readings.xsl: the readings form with its preview, and a meter's history. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="page[@section='readings']" mode="title">
    <xsl:choose>
      <xsl:when test="@name = 'history'"><xsl:value-of select="$M/rd.history"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$M/rd.title"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page[@section='readings'][@name='readings']" mode="content">
    <xsl:variable name="rd" select="readings"/>
    <section class="card">
      <h1><xsl:value-of select="$M/rd.title"/></h1>
      <xsl:if test="$rd/@done">
        <p class="notice" role="status" id="readings-done"><xsl:value-of select="$M/rd.done"/></p>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="not($rd/meter)">
          <p id="no-meters"><xsl:value-of select="$M/rd.none"/></p>
        </xsl:when>
        <xsl:otherwise>
          <p><xsl:value-of select="$M/rd.intro"/></p>
          <xsl:call-template name="form-errors"/>
          <xsl:if test="error[@field]">
            <p class="alert" role="alert" id="form-error"><xsl:value-of select="$M/error.form-invalid"/></p>
          </xsl:if>
          <xsl:if test="$rd/@preview">
            <p class="notice" role="status" id="preview-title"><xsl:value-of select="$M/rd.preview-title"/></p>
          </xsl:if>
          <form method="post" action="/readings" id="readings-form">
            <input type="hidden" name="csrf" value="{csrf}"/>
            <xsl:apply-templates select="$rd/meter"/>
            <div class="actions">
              <button type="submit" name="action" value="preview" class="secondary" id="readings-preview">
                <xsl:value-of select="$M/rd.preview"/>
              </button>
              <!-- Nothing to send while every meter's window is closed: checking still works. -->
              <xsl:if test="$rd/meter[@window-open]">
                <button type="submit" name="action" value="submit" class="primary" id="readings-submit">
                  <xsl:value-of select="$M/rd.submit"/>
                </button>
              </xsl:if>
            </div>
            <xsl:if test="not($rd/meter[@window-open])">
              <p class="hint" id="readings-closed"><xsl:value-of select="$M/rd.all-closed"/></p>
            </xsl:if>
          </form>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template match="meter">
    <xsl:variable name="m" select="."/>
    <fieldset class="meter" id="meter-{@id}">
      <legend>
        <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('kind.', @kind)"/></xsl:call-template>
        <xsl:text> · </xsl:text>
        <xsl:value-of select="$M/rd.meter"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="number"/>
      </legend>
      <p class="muted small">
        <xsl:value-of select="$M/rd.account"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="account"/>
        <xsl:text>, </xsl:text>
        <xsl:value-of select="address"/>
        <xsl:if test="verification-due">
          <xsl:text> · </xsl:text>
          <xsl:value-of select="$M/rd.verification"/>
          <xsl:text> </xsl:text>
          <xsl:call-template name="date"><xsl:with-param name="v" select="verification-due"/></xsl:call-template>
        </xsl:if>
        <xsl:text> · </xsl:text>
        <a href="/readings/history?meter={@id}" id="history-{@id}"><xsl:value-of select="$M/rd.history"/></a>
      </p>
      <p class="small window" id="window-{@id}">
        <xsl:value-of select="concat($M/rd.window, ' ', @window-from, ' ', $M/rd.window-to, ' ', @window-to, ' ', $M/rd.window-day, '.')"/>
        <xsl:if test="not(@window-open)">
          <xsl:text> </xsl:text>
          <strong>
            <xsl:value-of select="concat($M/rd.window-closed, ' ', $M/rd.window-opens, ' ')"/>
            <xsl:call-template name="date"><xsl:with-param name="v" select="@window-next"/></xsl:call-template>
            <xsl:text>.</xsl:text>
          </strong>
        </xsl:if>
      </p>
      <table class="data readings-table">
        <thead>
          <tr>
            <th scope="col"><xsl:value-of select="$M/rd.meter"/></th>
            <th scope="col" class="num"><xsl:value-of select="$M/rd.last"/></th>
            <th scope="col"><xsl:value-of select="$M/rd.new"/></th>
            <xsl:if test="register/@consumed">
              <th scope="col" class="num"><xsl:value-of select="$M/rd.consumed"/></th>
            </xsl:if>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="register">
            <xsl:variable name="name" select="concat('m', $m/@id, 'z', @zone)"/>
            <xsl:variable name="label"><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('zone.', @zone, '-of-', $m/@zones)"/></xsl:call-template></xsl:variable>
            <tr>
              <th scope="row"><label for="{$name}"><xsl:value-of select="$label"/></label></th>
              <td class="num">
                <xsl:call-template name="decimal"><xsl:with-param name="v" select="@last"/></xsl:call-template>
                <xsl:if test="@last-on">
                  <span class="muted small">
                    <xsl:text> (</xsl:text>
                    <xsl:call-template name="date"><xsl:with-param name="v" select="@last-on"/></xsl:call-template>
                    <xsl:text>)</xsl:text>
                  </span>
                </xsl:if>
              </td>
              <td>
                <!-- The last reading with the language's decimal separator; a refused one as typed. -->
                <xsl:variable name="shown">
                  <xsl:choose>
                    <xsl:when test="/page/error[@field = $name]"><xsl:value-of select="@value"/></xsl:when>
                    <xsl:otherwise><xsl:call-template name="decimal"><xsl:with-param name="v" select="@value"/></xsl:call-template></xsl:otherwise>
                  </xsl:choose>
                </xsl:variable>
                <input type="text" id="{$name}" name="{$name}" value="{$shown}" inputmode="decimal"
                       maxlength="16" size="12" required="required"/>
                <xsl:call-template name="field-error"><xsl:with-param name="name" select="$name"/></xsl:call-template>
                <xsl:if test="@own">
                  <p class="hint" id="own-{$name}">
                    <xsl:value-of select="$M/rd.own-before"/>
                    <strong><xsl:call-template name="decimal"><xsl:with-param name="v" select="@own"/></xsl:call-template></strong>
                    <xsl:text> (</xsl:text>
                    <xsl:call-template name="date"><xsl:with-param name="v" select="@own-on"/></xsl:call-template>
                    <xsl:text>)</xsl:text>
                    <xsl:value-of select="$M/rd.own-after"/>
                  </p>
                </xsl:if>
                <xsl:if test="@unusual">
                  <p class="warning" id="unusual-{$name}"><xsl:value-of select="$M/rd.unusual"/></p>
                </xsl:if>
              </td>
              <xsl:if test="../register/@consumed">
                <td class="num"><xsl:call-template name="decimal"><xsl:with-param name="v" select="@consumed"/></xsl:call-template></td>
              </xsl:if>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      <label class="check">
        <input type="checkbox" name="m{@id}r" value="1" id="m{@id}r"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="$M/rd.rollover"/>
      </label>
      <xsl:if test="estimate">
        <p class="estimate" id="estimate-{@id}">
          <xsl:value-of select="$M/rd.estimate"/>
          <xsl:text>: </xsl:text>
          <strong><xsl:value-of select="estimate"/></strong>
        </p>
      </xsl:if>
    </fieldset>
  </xsl:template>

  <xsl:template match="page[@section='readings'][@name='history']" mode="content">
    <xsl:variable name="h" select="history"/>
    <section class="card">
      <h1>
        <xsl:value-of select="$M/rd.history"/>
        <xsl:text>: </xsl:text>
        <xsl:value-of select="$h/number"/>
      </h1>
      <p class="muted">
        <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('kind.', $h/@kind)"/></xsl:call-template>
        <xsl:text> · </xsl:text>
        <xsl:value-of select="$M/rd.account"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="$h/account"/>
      </p>
      <table class="data" id="history">
        <thead>
          <tr>
            <th scope="col"><xsl:value-of select="$M/rd.date"/></th>
            <th scope="col"><xsl:value-of select="$M/rd.meter"/></th>
            <th scope="col" class="num"><xsl:value-of select="$M/rd.value"/></th>
            <th scope="col" class="num"><xsl:value-of select="$M/rd.consumed"/></th>
            <th scope="col"><xsl:value-of select="$M/rd.source"/></th>
            <th scope="col"><xsl:value-of select="$M/rd.status"/></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="$h/reading">
            <xsl:sort select="@on" order="descending"/>
            <xsl:sort select="@zone" data-type="number"/>
            <tr>
              <td><xsl:call-template name="date"><xsl:with-param name="v" select="@on"/></xsl:call-template></td>
              <td><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('zone.', @zone, '-of-', $h/@zones)"/></xsl:call-template></td>
              <td class="num"><xsl:call-template name="decimal"><xsl:with-param name="v" select="@value"/></xsl:call-template></td>
              <td class="num"><xsl:call-template name="decimal"><xsl:with-param name="v" select="@consumed"/></xsl:call-template></td>
              <td><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('src.', @source)"/></xsl:call-template></td>
              <td>
                <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('st.', @status)"/></xsl:call-template>
                <xsl:if test="reason"><xsl:text>: </xsl:text><xsl:value-of select="reason"/></xsl:if>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      <xsl:if test="$h/reading">
        <xsl:call-template name="downloads">
          <xsl:with-param name="base" select="concat('/readings/history?meter=', $h/@meter)"/>
        </xsl:call-template>
      </xsl:if>
      <p><a href="/readings"><xsl:value-of select="$M/rd.back"/></a></p>
    </section>
  </xsl:template>

</xsl:stylesheet>
