<?xml version="1.0" encoding="UTF-8"?>
<!-- calculator.xsl: readings on two dates in, consumption and charge out. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="page[@section='calculator']" mode="title">
    <xsl:value-of select="$M/calc.title"/>
  </xsl:template>

  <xsl:template match="page[@section='calculator']" mode="content">
    <xsl:variable name="c" select="calculator"/>
    <xsl:variable name="f" select="$c/form"/>
    <xsl:variable name="plan" select="$c/plans/plan[@id = $f/@plan]"/>
    <section class="card">
      <h1><xsl:value-of select="$M/calc.title"/></h1>
      <p><xsl:value-of select="$M/calc.intro"/></p>

      <!-- Step one, a plain GET: which organization and tariff (the zones follow from it). -->
      <form method="get" action="/calculator" class="filter" id="plan-form">
        <fieldset>
          <xsl:if test="$c/meters/meter">
            <div>
              <label for="meter"><xsl:value-of select="$M/calc.meter"/></label>
              <select id="meter" name="meter">
                <option value=""><xsl:value-of select="$M/calc.no-meter"/></option>
                <xsl:for-each select="$c/meters/meter">
                  <option value="{@id}">
                    <xsl:if test="@selected"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                    <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('kind.', @kind)"/></xsl:call-template>
                    <xsl:value-of select="concat(' ', ., ' (', @account, ')')"/>
                  </option>
                </xsl:for-each>
              </select>
            </div>
          </xsl:if>
          <div>
            <label for="org"><xsl:value-of select="$M/calc.org"/></label>
            <select id="org" name="org">
              <xsl:for-each select="$c/organizations/organization">
                <option value="{@id}">
                  <xsl:if test="@selected"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:value-of select="."/>
                </option>
              </xsl:for-each>
            </select>
          </div>
          <xsl:if test="$c/plans/plan">
            <div>
              <label for="plan"><xsl:value-of select="$M/calc.plan"/></label>
              <select id="plan" name="plan">
                <xsl:for-each select="$c/plans/plan">
                  <option value="{@id}">
                    <xsl:if test="@id = $f/@plan"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                    <xsl:value-of select="."/>
                  </option>
                </xsl:for-each>
              </select>
            </div>
          </xsl:if>
          <button type="submit" class="secondary" id="show-plans"><xsl:value-of select="$M/calc.show-plans"/></button>
        </fieldset>
        <xsl:call-template name="field-error"><xsl:with-param name="name">org</xsl:with-param></xsl:call-template>
        <xsl:call-template name="field-error"><xsl:with-param name="name">plan</xsl:with-param></xsl:call-template>
      </form>

      <xsl:choose>
        <xsl:when test="not($plan)">
          <p id="no-plans" class="muted"><xsl:value-of select="$M/calc.no-plans"/></p>
        </xsl:when>
        <xsl:otherwise>
          <xsl:if test="error[@field]">
            <p class="alert" role="alert" id="form-error"><xsl:value-of select="$M/error.form-invalid"/></p>
          </xsl:if>
          <form method="post" action="/calculator" class="stacked calc" id="calc-form">
            <input type="hidden" name="csrf" value="{csrf}"/>
            <input type="hidden" name="org" value="{$c/organizations/organization[@selected]/@id}"/>
            <input type="hidden" name="plan" value="{$plan/@id}"/>
            <div class="row">
              <div>
                <label for="residents"><xsl:value-of select="$M/calc.residents"/></label>
                <input type="text" id="residents" name="residents" value="{$f/residents}" size="3"
                       maxlength="2" inputmode="numeric" required="required"/>
              </div>
              <div class="grow">
                <label for="household"><xsl:value-of select="$M/calc.household"/></label>
                <select id="household" name="household">
                  <xsl:call-template name="household-option"><xsl:with-param name="v">gas</xsl:with-param></xsl:call-template>
                  <xsl:call-template name="household-option"><xsl:with-param name="v">gas-alone</xsl:with-param></xsl:call-template>
                  <xsl:call-template name="household-option"><xsl:with-param name="v">estove</xsl:with-param></xsl:call-template>
                  <xsl:call-template name="household-option"><xsl:with-param name="v">estove-alone</xsl:with-param></xsl:call-template>
                  <xsl:call-template name="household-option"><xsl:with-param name="v">eheating</xsl:with-param></xsl:call-template>
                </select>
              </div>
            </div>
            <xsl:call-template name="field-error"><xsl:with-param name="name">residents</xsl:with-param></xsl:call-template>
            <xsl:call-template name="field-error"><xsl:with-param name="name">household</xsl:with-param></xsl:call-template>
            <div class="row">
              <div class="grow">
                <label for="from"><xsl:value-of select="$M/calc.from"/></label>
                <input type="date" id="from" name="from" value="{$f/from}" required="required" aria-describedby="from-format"/>
                <span class="format" id="from-format"><xsl:value-of select="$M/calc.date-format"/></span>
              </div>
              <div class="grow">
                <label for="to"><xsl:value-of select="$M/calc.to"/></label>
                <input type="date" id="to" name="to" value="{$f/to}" required="required" aria-describedby="to-format"/>
                <span class="format" id="to-format"><xsl:value-of select="$M/calc.date-format"/></span>
              </div>
            </div>
            <xsl:call-template name="field-error"><xsl:with-param name="name">from</xsl:with-param></xsl:call-template>
            <xsl:call-template name="field-error"><xsl:with-param name="name">to</xsl:with-param></xsl:call-template>
            <table class="data readings-table">
              <caption class="visually-hidden"><xsl:value-of select="$M/calc.zones"/></caption>
              <thead>
                <tr>
                  <th scope="col"><xsl:value-of select="$M/calc.zone"/></th>
                  <th scope="col"><xsl:value-of select="$M/calc.prev"/></th>
                  <th scope="col"><xsl:value-of select="$M/calc.curr"/></th>
                </tr>
              </thead>
              <tbody>
                <xsl:call-template name="zone-row">
                  <xsl:with-param name="z" select="1"/>
                  <xsl:with-param name="of" select="$plan/@zones"/>
                  <xsl:with-param name="f" select="$f"/>
                </xsl:call-template>
              </tbody>
            </table>
            <label class="check">
              <input type="checkbox" name="rollover" value="1" id="rollover">
                <xsl:if test="$f/rollover"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
              </input>
              <xsl:text> </xsl:text>
              <xsl:value-of select="$M/calc.rollover"/>
            </label>
            <button type="submit" class="primary" id="calc-submit"><xsl:value-of select="$M/calc.submit"/></button>
          </form>
        </xsl:otherwise>
      </xsl:choose>
    </section>
    <xsl:apply-templates select="result"/>
  </xsl:template>

  <xsl:template name="household-option">
    <xsl:param name="v"/>
    <option value="{$v}">
      <xsl:if test="/page/calculator/form/household = $v"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
      <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('hh.', $v)"/></xsl:call-template>
    </option>
  </xsl:template>

  <!-- One row of inputs per zone of the chosen tariff, T1 first. -->
  <xsl:template name="zone-row">
    <xsl:param name="z"/>
    <xsl:param name="of"/>
    <xsl:param name="f"/>
    <xsl:if test="$z &lt;= $of">
      <xsl:variable name="label"><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('zone.', $z, '-of-', $of)"/></xsl:call-template></xsl:variable>
      <tr>
        <th scope="row"><xsl:value-of select="$label"/></th>
        <td>
          <input type="text" id="prev{$z}" name="prev{$z}" value="{$f/*[local-name() = concat('prev', $z)]}"
                 inputmode="decimal" maxlength="16" size="10" required="required" aria-label="{$label}: {$M/calc.prev}"/>
          <xsl:call-template name="field-error"><xsl:with-param name="name" select="concat('prev', $z)"/></xsl:call-template>
        </td>
        <td>
          <input type="text" id="curr{$z}" name="curr{$z}" value="{$f/*[local-name() = concat('curr', $z)]}"
                 inputmode="decimal" maxlength="16" size="10" required="required" aria-label="{$label}: {$M/calc.curr}"/>
          <xsl:call-template name="field-error"><xsl:with-param name="name" select="concat('curr', $z)"/></xsl:call-template>
        </td>
      </tr>
      <xsl:call-template name="zone-row">
        <xsl:with-param name="z" select="$z + 1"/>
        <xsl:with-param name="of" select="$of"/>
        <xsl:with-param name="f" select="$f"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="result">
    <xsl:variable name="zones" select="count(consumption)"/>
    <section class="card" id="result">
      <h2><xsl:value-of select="$M/calc.result"/>: <xsl:value-of select="plan"/></h2>
      <ul class="plain">
        <xsl:for-each select="tariff">
          <li class="muted small">
            <xsl:value-of select="$M/calc.valid"/>
            <xsl:text> </xsl:text>
            <xsl:call-template name="date"><xsl:with-param name="v" select="@from"/></xsl:call-template>
            <xsl:text> </xsl:text>
            <xsl:value-of select="$M/calc.from-to"/>
            <xsl:text> </xsl:text>
            <xsl:call-template name="date"><xsl:with-param name="v" select="@to"/></xsl:call-template>
            <xsl:text>; </xsl:text>
            <xsl:value-of select="$M/calc.vat"/>
            <xsl:text> </xsl:text>
            <xsl:value-of select="@vat-bp div 100"/>
            <xsl:text> %</xsl:text>
            <xsl:if test="not(@vat-included)">
              <xsl:text>, </xsl:text>
              <xsl:value-of select="$M/calc.vat-added"/>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ul>
      <div class="table-wrap">
        <table class="data" id="calc-lines">
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="$M/calc.zone"/></th>
              <th scope="col"><xsl:value-of select="$M/calc.tier"/></th>
              <th scope="col" class="num"><xsl:value-of select="$M/calc.quantity"/></th>
              <th scope="col" class="num"><xsl:value-of select="$M/calc.rate"/></th>
              <th scope="col" class="num"><xsl:value-of select="$M/calc.amount"/></th>
              <th scope="col" class="num"><xsl:value-of select="$M/calc.vat"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="line">
              <tr>
                <td><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('zone.', @zone, '-of-', $zones)"/></xsl:call-template></td>
                <td>
                  <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('tier.', @tier, '-of-', @tiers)"/></xsl:call-template>
                  <xsl:if test="count(../tariff) &gt; 1">
                    <span class="muted small">
                      <xsl:text> (</xsl:text>
                      <xsl:call-template name="date"><xsl:with-param name="v" select="@tariff-from"/></xsl:call-template>
                      <xsl:text>)</xsl:text>
                    </span>
                  </xsl:if>
                </td>
                <td class="num"><xsl:call-template name="quantity"><xsl:with-param name="v" select="quantity"/></xsl:call-template></td>
                <td class="num"><xsl:value-of select="price"/></td>
                <td class="num"><xsl:value-of select="amount"/></td>
                <td class="num"><xsl:value-of select="vat"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
          <tfoot>
            <tr id="calc-total">
              <th scope="row" colspan="4"><xsl:value-of select="$M/calc.total"/></th>
              <td class="num"><xsl:value-of select="total"/></td>
              <td class="num"><xsl:value-of select="vat"/></td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p class="hint">
        <xsl:value-of select="$M/calc.consumption"/>
        <xsl:text>: </xsl:text>
        <xsl:for-each select="consumption">
          <xsl:if test="position() &gt; 1"><xsl:text>; </xsl:text></xsl:if>
          <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('zone.', @zone, '-of-', $zones)"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:call-template name="quantity"><xsl:with-param name="v" select="quantity"/></xsl:call-template>
        </xsl:for-each>
        <xsl:text>. </xsl:text>
        <xsl:value-of select="$M/calc.hint"/>
      </p>
    </section>
  </xsl:template>

  <!-- "123.450" as 123,45 (ru) or 123.45 (en): trailing zeros of the thousandths dropped.
       $k, the decimals kept, counts the zeros with booleans (true() is 1) rather than
       building the digits in a variable: a result-tree fragment per call was a sixth
       of the page's transform. -->
  <xsl:template name="quantity">
    <xsl:param name="v"/>
    <xsl:variable name="l" select="string-length($v)"/>
    <xsl:variable name="k" select="3 - (substring($v, $l) = '0') - (substring($v, $l - 1) = '00') - (substring($v, $l - 2) = '000')"/>
    <xsl:value-of select="substring-before($v, '.')"/>
    <xsl:if test="$k &gt; 0">
      <xsl:value-of select="concat(substring(',.', 1 + ($lang != 'ru'), 1), substring($v, $l - 2, $k))"/>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
