<?xml version="1.0" encoding="UTF-8"?>
<!-- exchange.xsl: the console's data exchange (program exchange, section admin):
     imports with their progress, dry run and problems. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:variable name="adm-exchanges" select="/page/nav/@role = 'admin' or /page/nav/@role = 'accountant'"/>

  <xsl:template name="imp-status">
    <xsl:param name="i"/>
    <span class="status status-{$i/@status}">
      <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('imp.status.', $i/@status)"/></xsl:call-template>
    </span>
  </xsl:template>

  <xsl:template name="imp-kind">
    <xsl:param name="k"/>
    <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('imp.kind.', $k)"/></xsl:call-template>
  </xsl:template>

  <!-- ============================================================ the list -->
  <xsl:template match="page[@section='admin'][@name='exchange']" mode="content">
    <h1><xsl:value-of select="$M/adm.title.exchange"/></h1>
    <xsl:call-template name="adm-done"/>
    <xsl:if test="count(/page/staff/org) &gt; 1">
      <p class="org-switch" id="org-switch"><xsl:value-of select="concat($M/adm.f.org, ': ')"/>
        <xsl:for-each select="/page/staff/org">
          <xsl:choose>
            <xsl:when test="@id = /page/imports/@org"><strong><xsl:value-of select="."/></strong></xsl:when>
            <xsl:otherwise><a href="/admin/exchange?org={@id}"><xsl:value-of select="."/></a></xsl:otherwise>
          </xsl:choose>
          <xsl:if test="position() != last()"><xsl:text> · </xsl:text></xsl:if>
        </xsl:for-each>
      </p>
    </xsl:if>
    <p class="links" id="exchange-links">
      <xsl:if test="$adm-exchanges"><a id="exports" href="/admin/exchange/export?org={imports/@org}"><xsl:value-of select="$M/adm.title.export"/></a></xsl:if>
      <xsl:if test="/page/nav/@role = 'admin'"><xsl:text> · </xsl:text><a id="api-keys" href="/admin/exchange/keys?org={imports/@org}"><xsl:value-of select="$M/adm.title.api-keys"/></a></xsl:if>
    </p>
    <xsl:call-template name="adm-errors"/>
    <xsl:if test="$adm-exchanges">
      <form method="post" action="/admin/exchange/upload?org={imports/@org}" enctype="multipart/form-data" class="card stacked" id="upload-form">
        <h2><xsl:value-of select="$M/imp.upload"/></h2>
        <input type="hidden" name="csrf" value="{/page/csrf}"/>
        <!-- A POST reads its body only: the organization goes in it, not just in the URL. -->
        <input type="hidden" name="org" value="{imports/@org}"/>
        <label for="kind"><xsl:value-of select="$M/imp.f.kind"/></label>
        <select id="kind" name="kind" required="required">
          <xsl:if test="/page/error[@field='kind']"><xsl:attribute name="aria-describedby">error-kind</xsl:attribute></xsl:if>
          <option value=""><xsl:value-of select="$M/imp.choose"/></option>
          <xsl:for-each select="kinds/kind">
            <option value="{@name}">
              <xsl:if test="/page/typed[@name='kind'] = @name"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:call-template name="imp-kind"><xsl:with-param name="k" select="@name"/></xsl:call-template>
            </option>
          </xsl:for-each>
        </select>
        <xsl:call-template name="field-error"><xsl:with-param name="name">kind</xsl:with-param></xsl:call-template>
        <label for="file"><xsl:value-of select="$M/imp.f.file"/></label>
        <input type="file" id="file" name="file" accept=".csv,text/csv,text/plain" required="required">
          <xsl:if test="/page/error[@field='file']"><xsl:attribute name="aria-describedby">error-file</xsl:attribute></xsl:if>
        </input>
        <xsl:call-template name="field-error"><xsl:with-param name="name">file</xsl:with-param></xsl:call-template>
        <p class="hint"><xsl:value-of select="$M/imp.hint"/></p>
        <button type="submit" class="primary" id="upload"><xsl:value-of select="$M/imp.do.upload"/></button>
      </form>
    </xsl:if>
    <section class="card" id="imports">
      <h2><xsl:value-of select="$M/imp.history"/></h2>
      <xsl:choose>
        <xsl:when test="imports/import">
          <table class="data" id="import-list">
            <caption class="visually-hidden"><xsl:value-of select="$M/imp.history"/></caption>
            <thead><tr>
              <th scope="col"><xsl:value-of select="$M/imp.col.file"/></th>
              <th scope="col"><xsl:value-of select="$M/imp.col.status"/></th>
              <th scope="col"><xsl:value-of select="$M/imp.col.counts"/></th>
              <th scope="col"><xsl:value-of select="$M/imp.col.who"/></th>
            </tr></thead>
            <tbody>
              <xsl:for-each select="imports/import">
                <tr id="import-{@id}">
                  <td><a href="/admin/exchange/import?id={@id}"><xsl:value-of select="file"/></a><br/>
                    <xsl:call-template name="imp-kind"><xsl:with-param name="k" select="@kind"/></xsl:call-template></td>
                  <td><xsl:call-template name="imp-status"><xsl:with-param name="i" select="."/></xsl:call-template></td>
                  <td><xsl:call-template name="imp-counts"><xsl:with-param name="i" select="."/></xsl:call-template></td>
                  <td><xsl:value-of select="by"/><br/><xsl:call-template name="datetime"><xsl:with-param name="v" select="created"/></xsl:call-template></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
          <xsl:if test="imports/@older">
            <p><a id="older" href="/admin/exchange?org={imports/@org}&amp;before={imports/@older}"><xsl:value-of select="$M/adm.older"/></a></p>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise><p id="no-imports"><xsl:value-of select="$M/imp.none"/></p></xsl:otherwise>
      </xsl:choose>
    </section>
    <section class="card" id="templates">
      <h2><xsl:value-of select="$M/imp.templates"/></h2>
      <p><xsl:value-of select="$M/imp.templates.hint"/></p>
      <dl>
        <xsl:for-each select="kinds/kind">
          <dt><xsl:call-template name="imp-kind"><xsl:with-param name="k" select="@name"/></xsl:call-template></dt>
          <dd><code><xsl:for-each select="col"><xsl:value-of select="."/><xsl:if test="position() != last()">,</xsl:if></xsl:for-each></code></dd>
        </xsl:for-each>
      </dl>
    </section>
  </xsl:template>

  <xsl:template name="imp-counts">
    <xsl:param name="i"/>
    <xsl:choose>
      <xsl:when test="$i/@status = 'refused'">
        <xsl:value-of select="concat($M/imp.n.refused, ': ', $i/@refused)"/>
      </xsl:when>
      <xsl:when test="$i/@status = 'checked' or $i/@status = 'applied' or $i/@status = 'applying'">
        <xsl:value-of select="concat($M/imp.n.new, ': ', $i/@new, ', ', $M/imp.n.changed, ': ', $i/@changed, ', ', $M/imp.n.unchanged, ': ', $i/@unchanged)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($i/@rows, ' / ', $i/@lines)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ one import -->
  <xsl:template match="page[@section='admin'][@name='import']" mode="content">
    <xsl:variable name="i" select="import"/>
    <p class="back"><a href="/admin/exchange?org={$i/@org}"><xsl:value-of select="$M/imp.back"/></a></p>
    <h1><xsl:value-of select="concat($M/adm.title.import, ' ', $i/@id)"/></h1>
    <xsl:call-template name="adm-done"/>
    <section class="card" id="import-summary">
      <dl>
        <dt><xsl:value-of select="$M/imp.col.file"/></dt><dd id="file-name"><xsl:value-of select="$i/file"/></dd>
        <dt><xsl:value-of select="$M/imp.f.kind"/></dt><dd><xsl:call-template name="imp-kind"><xsl:with-param name="k" select="$i/@kind"/></xsl:call-template></dd>
        <dt><xsl:value-of select="$M/imp.col.status"/></dt><dd id="import-status"><xsl:call-template name="imp-status"><xsl:with-param name="i" select="$i"/></xsl:call-template></dd>
        <dt><xsl:value-of select="$M/imp.col.who"/></dt><dd><xsl:value-of select="$i/by"/>, <xsl:call-template name="datetime"><xsl:with-param name="v" select="$i/created"/></xsl:call-template></dd>
        <xsl:if test="$i/encoding">
          <dt><xsl:value-of select="$M/imp.format"/></dt><dd id="file-format"><xsl:value-of select="$i/encoding"/>, «<xsl:value-of select="$i/delimiter"/>»</dd>
        </xsl:if>
        <xsl:if test="$i/sha256">
          <dt>SHA-256</dt><dd class="digest"><xsl:value-of select="$i/sha256"/></dd>
        </xsl:if>
      </dl>
    </section>
    <xsl:if test="$i/@refresh">
      <section class="card" id="progress-card" aria-live="polite">
        <h2><xsl:value-of select="$M/imp.progress"/></h2>
        <xsl:choose>
          <xsl:when test="$i/@lines &gt; 0">
            <progress id="progress" max="{$i/@lines}" value="{$i/@rows}"><xsl:value-of select="concat($i/@rows, ' / ', $i/@lines)"/></progress>
          </xsl:when>
          <xsl:otherwise><progress id="progress"/></xsl:otherwise>
        </xsl:choose>
        <p id="progress-text">
          <xsl:value-of select="concat($i/@rows, ' ', $M/imp.of, ' ', $i/@lines, ' ', $M/imp.rows)"/>
          <xsl:if test="$i/@elapsed &gt; 0 and $i/@rows &gt; 0">
            <xsl:variable name="rate" select="floor($i/@rows div $i/@elapsed)"/>
            <xsl:value-of select="concat(', ', $rate, ' ', $M/imp.per-second)"/>
            <xsl:if test="$rate &gt; 0 and $i/@lines &gt; $i/@rows">
              <xsl:value-of select="concat(', ', $M/imp.left, ' ', ceiling(($i/@lines - $i/@rows) div $rate), ' ', $M/imp.seconds)"/>
            </xsl:if>
          </xsl:if>
        </p>
        <p class="hint"><xsl:value-of select="$M/imp.refreshes"/><xsl:text> </xsl:text><a id="still" href="/admin/exchange/import?id={$i/@id}&amp;still=1"><xsl:value-of select="$M/imp.still"/></a></p>
      </section>
    </xsl:if>
    <xsl:if test="$i/@status = 'failed'">
      <p class="alert" role="alert" id="import-failed"><xsl:value-of select="$M/imp.failed"/><xsl:if test="$i/error"> (<xsl:value-of select="$i/error"/>)</xsl:if></p>
    </xsl:if>
    <xsl:if test="$i/@status = 'checked' or $i/@status = 'applied' or $i/@status = 'applying'">
      <section class="card" id="dry-run">
        <h2><xsl:choose><xsl:when test="$i/@status = 'applied'"><xsl:value-of select="$M/imp.applied"/></xsl:when><xsl:otherwise><xsl:value-of select="$M/imp.dry-run"/></xsl:otherwise></xsl:choose></h2>
        <ul class="counts">
          <li id="n-new"><xsl:value-of select="concat($M/imp.n.new, ': ', $i/@new)"/></li>
          <li id="n-changed"><xsl:value-of select="concat($M/imp.n.changed, ': ', $i/@changed)"/></li>
          <li id="n-unchanged"><xsl:value-of select="concat($M/imp.n.unchanged, ': ', $i/@unchanged)"/></li>
          <li id="n-refused"><xsl:value-of select="concat($M/imp.n.refused, ': ', $i/@refused)"/></li>
        </ul>
        <xsl:if test="$i/changes/change">
          <table class="data" id="changes">
            <caption><xsl:value-of select="$M/imp.first-changes"/></caption>
            <thead><tr>
              <th scope="col"><xsl:value-of select="$M/imp.col.line"/></th>
              <th scope="col"><xsl:value-of select="$M/imp.col.key"/></th>
              <th scope="col"><xsl:value-of select="$M/imp.col.change"/></th>
            </tr></thead>
            <tbody>
              <xsl:for-each select="$i/changes/change">
                <tr id="change-{@line}">
                  <td><xsl:value-of select="@line"/></td>
                  <td><xsl:value-of select="key"/></td>
                  <td><xsl:choose>
                    <xsl:when test="before"><del><xsl:value-of select="before"/></del><xsl:text> → </xsl:text><ins><xsl:value-of select="after"/></ins></xsl:when>
                    <xsl:otherwise><span class="new-row"><xsl:value-of select="concat($M/imp.new-row, ': ')"/></span><ins><xsl:value-of select="after"/></ins></xsl:otherwise>
                  </xsl:choose></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:if>
        <xsl:if test="$i/@status = 'checked' and $adm-exchanges">
          <form method="post" action="/admin/exchange/apply" class="inline">
            <input type="hidden" name="csrf" value="{/page/csrf}"/>
            <input type="hidden" name="id" value="{$i/@id}"/>
            <button type="submit" class="primary" id="apply"><xsl:value-of select="$M/imp.do.apply"/></button>
          </form>
          <p class="hint"><xsl:value-of select="$M/imp.apply.hint"/></p>
        </xsl:if>
      </section>
    </xsl:if>
    <xsl:if test="$i/problems/problem">
      <section class="card" id="problems">
        <h2><xsl:value-of select="concat($M/imp.problems, ' (', $i/@refused, ')')"/></h2>
        <p class="downloads" id="downloads"><xsl:value-of select="concat($M/dl.label, ': ')"/>
          <a href="/admin/exchange/report?id={$i/@id}&amp;format=csv" type="text/csv" id="report-csv">CSV</a><xsl:text> · </xsl:text>
          <a href="/admin/exchange/report?id={$i/@id}&amp;format=xlsx" id="report-xlsx">XLSX</a></p>
        <table class="data" id="problem-list">
          <caption class="visually-hidden"><xsl:value-of select="$M/imp.problems"/></caption>
          <thead><tr>
            <th scope="col"><xsl:value-of select="$M/imp.col.line"/></th>
            <th scope="col"><xsl:value-of select="$M/imp.col.column"/></th>
            <th scope="col"><xsl:value-of select="$M/imp.col.value"/></th>
            <th scope="col"><xsl:value-of select="$M/imp.col.message"/></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="$i/problems/problem[position() &lt;= 100]">
              <tr>
                <td><xsl:value-of select="@line"/></td>
                <td><xsl:value-of select="@column"/></td>
                <td class="value"><xsl:value-of select="value"/></td>
                <td><xsl:call-template name="imp-message"><xsl:with-param name="p" select="."/></xsl:call-template></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ exports -->
  <xsl:template match="page[@section='admin'][@name='export']" mode="content">
    <xsl:variable name="x" select="export"/>
    <p class="back"><a href="/admin/exchange?org={$x/@org}"><xsl:value-of select="$M/imp.back"/></a></p>
    <h1><xsl:value-of select="$M/adm.title.export"/></h1>
    <xsl:call-template name="adm-errors"/>
    <form method="get" action="/admin/exchange/export" class="card stacked" id="export-form">
      <input type="hidden" name="org" value="{$x/@org}"/>
      <fieldset id="what">
        <legend><xsl:value-of select="$M/exp.what"/></legend>
        <xsl:for-each select="exsl:node-set($exp-kinds)/k" xmlns:exsl="http://exslt.org/common">
          <div class="check">
            <input type="radio" id="what-{.}" name="what" value="{.}">
              <xsl:if test="/page/typed[@name='what'] = . or (not(/page/typed[@name='what']) and position() = 1)"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
            </input>
            <label for="what-{.}"><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('exp.', .)"/></xsl:call-template></label>
          </div>
        </xsl:for-each>
        <xsl:call-template name="field-error"><xsl:with-param name="name">what</xsl:with-param></xsl:call-template>
      </fieldset>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">from</xsl:with-param><xsl:with-param name="type">date</xsl:with-param><xsl:with-param name="stored" select="$x/@from"/><xsl:with-param name="max">10</xsl:with-param></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">to</xsl:with-param><xsl:with-param name="type">date</xsl:with-param><xsl:with-param name="stored" select="$x/@to"/><xsl:with-param name="max">10</xsl:with-param></xsl:call-template>
      <fieldset id="format">
        <legend><xsl:value-of select="$M/exp.format"/></legend>
        <div class="check">
          <input type="radio" id="format-csv" name="format" value="csv">
            <xsl:if test="not(/page/typed[@name='format'] = 'xlsx')"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
          </input>
          <label for="format-csv">CSV</label>
        </div>
        <div class="check">
          <input type="radio" id="format-xlsx" name="format" value="xlsx">
            <xsl:if test="/page/typed[@name='format'] = 'xlsx'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
          </input>
          <label for="format-xlsx">XLSX</label>
        </div>
        <xsl:call-template name="field-error"><xsl:with-param name="name">format</xsl:with-param></xsl:call-template>
      </fieldset>
      <p class="hint"><xsl:value-of select="$M/exp.hint"/></p>
      <button type="submit" class="primary" id="download"><xsl:value-of select="$M/exp.do"/></button>
    </form>
  </xsl:template>

  <xsl:variable name="exp-kinds"><k>readings</k><k>payments</k><k>contacts</k><k>promises</k></xsl:variable>

  <!-- ============================================================ API keys -->
  <xsl:template match="page[@section='admin'][@name='api-keys']" mode="content">
    <p class="back"><a href="/admin/exchange?org={keys/@org}"><xsl:value-of select="$M/imp.back"/></a></p>
    <h1><xsl:value-of select="$M/adm.title.api-keys"/></h1>
    <xsl:call-template name="adm-done"/>
    <xsl:call-template name="adm-errors"/>
    <xsl:if test="new-key">
      <section class="card notice" id="new-key-card" role="status">
        <h2><xsl:value-of select="$M/key.new"/></h2>
        <p><xsl:value-of select="$M/key.once"/></p>
        <p><code id="new-key"><xsl:value-of select="new-key"/></code></p>
      </section>
    </xsl:if>
    <section class="card" id="keys">
      <h2><xsl:value-of select="$M/key.list"/></h2>
      <xsl:choose>
        <xsl:when test="keys/key">
          <table class="data" id="key-list">
            <caption class="visually-hidden"><xsl:value-of select="$M/key.list"/></caption>
            <thead><tr>
              <th scope="col"><xsl:value-of select="$M/key.col.name"/></th>
              <th scope="col"><xsl:value-of select="$M/key.col.scopes"/></th>
              <th scope="col"><xsl:value-of select="$M/key.col.used"/></th>
              <th scope="col"><span class="visually-hidden"><xsl:value-of select="$M/key.col.actions"/></span></th>
            </tr></thead>
            <tbody>
              <xsl:for-each select="keys/key">
                <tr id="key-{@id}">
                  <td><xsl:value-of select="name"/><br/><code><xsl:value-of select="concat(@prefix, '…')"/></code></td>
                  <td><xsl:value-of select="scopes"/><br/><xsl:value-of select="concat(@rate, ' ', $M/key.per-minute)"/></td>
                  <td><xsl:choose>
                    <xsl:when test="used"><xsl:call-template name="datetime"><xsl:with-param name="v" select="used"/></xsl:call-template></xsl:when>
                    <xsl:otherwise><xsl:value-of select="$M/key.never"/></xsl:otherwise>
                  </xsl:choose></td>
                  <td><xsl:choose>
                    <xsl:when test="revoked"><xsl:value-of select="$M/key.revoked"/><xsl:text> </xsl:text><xsl:call-template name="datetime"><xsl:with-param name="v" select="revoked"/></xsl:call-template></xsl:when>
                    <xsl:otherwise>
                      <form method="post" action="/admin/exchange/keys/revoke?org={/page/keys/@org}" class="inline">
                        <input type="hidden" name="csrf" value="{/page/csrf}"/>
                        <input type="hidden" name="org" value="{/page/keys/@org}"/>
                        <input type="hidden" name="id" value="{@id}"/>
                        <button type="submit" class="secondary" id="revoke-{@id}"><xsl:value-of select="$M/key.do.revoke"/></button>
                      </form>
                    </xsl:otherwise>
                  </xsl:choose></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise><p id="no-keys"><xsl:value-of select="$M/key.none"/></p></xsl:otherwise>
      </xsl:choose>
    </section>
    <form method="post" action="/admin/exchange/keys?org={keys/@org}" class="card stacked" id="key-form">
      <h2><xsl:value-of select="$M/key.create"/></h2>
      <input type="hidden" name="csrf" value="{/page/csrf}"/>
      <input type="hidden" name="org" value="{keys/@org}"/>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">key_name</xsl:with-param><xsl:with-param name="max">100</xsl:with-param></xsl:call-template>
      <fieldset id="scopes">
        <legend><xsl:value-of select="$M/key.col.scopes"/></legend>
        <xsl:for-each select="scopes/scope">
          <div class="check">
            <input type="checkbox" id="{@field}" name="{@field}" value="1">
              <xsl:if test="/page/typed[@name = current()/@field] = '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
            </input>
            <label for="{@field}"><xsl:value-of select="."/></label>
          </div>
        </xsl:for-each>
        <xsl:call-template name="field-error"><xsl:with-param name="name">scopes</xsl:with-param></xsl:call-template>
      </fieldset>
      <label for="rate"><xsl:value-of select="$M/adm.f.rate"/></label>
      <input type="number" id="rate" name="rate" min="1" max="6000" required="required">
        <xsl:attribute name="value"><xsl:choose><xsl:when test="typed[@name='rate']"><xsl:value-of select="typed[@name='rate']"/></xsl:when><xsl:otherwise><xsl:value-of select="keys/@rate-default"/></xsl:otherwise></xsl:choose></xsl:attribute>
      </input>
      <xsl:call-template name="field-error"><xsl:with-param name="name">rate</xsl:with-param></xsl:call-template>
      <label for="password"><xsl:value-of select="$M/adm.f.password-again"/></label>
      <input type="password" id="password" name="password" autocomplete="current-password" required="required"/>
      <xsl:call-template name="field-error"><xsl:with-param name="name">password</xsl:with-param></xsl:call-template>
      <button type="submit" class="primary" id="create-key"><xsl:value-of select="$M/key.do.create"/></button>
    </form>
  </xsl:template>

  <!-- A problem in words: its message, with what it names after it. -->
  <xsl:template name="imp-message">
    <xsl:param name="p"/>
    <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('imp.err.', $p/@code)"/></xsl:call-template>
    <xsl:if test="$p/detail"><xsl:value-of select="concat(' ', $p/detail)"/></xsl:if>
  </xsl:template>

</xsl:stylesheet>
