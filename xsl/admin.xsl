<?xml version="1.0" encoding="UTF-8"?>
<!-- admin.xsl: the operator console (section admin): sign-in with a second
     factor, overview, subscribers, requests, news, organization, staff, audit. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="page[@section='admin']" mode="title">
    <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('adm.title.', @name)"/></xsl:call-template>
  </xsl:template>

  <!-- Operators and administrators serve subscribers: the others see no buttons. -->
  <xsl:variable name="adm-serves" select="/page/nav/@role = 'admin' or /page/nav/@role = 'operator'"/>

  <xsl:template name="adm-done">
    <xsl:param name="prefix"/>
    <xsl:if test="/page/done">
      <p class="notice" role="status" id="done">
        <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('adm.done.', /page/done)"/></xsl:call-template>
      </p>
    </xsl:if>
  </xsl:template>

  <xsl:template name="adm-errors">
    <xsl:call-template name="form-errors"/>
    <xsl:if test="/page/error[@field] and not(/page/error[not(@field)])">
      <p class="alert" role="alert" id="form-error"><xsl:value-of select="$M/error.form-invalid"/></p>
    </xsl:if>
  </xsl:template>

  <!-- A text field of a console form: what was typed, else what is on file. -->
  <xsl:template name="adm-field">
    <xsl:param name="name"/>
    <xsl:param name="stored"/>
    <xsl:param name="type">text</xsl:param>
    <xsl:param name="required" select="true()"/>
    <xsl:param name="max">200</xsl:param>
    <label for="{$name}"><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('adm.f.', $name)"/></xsl:call-template></label>
    <!-- A refused date or number is shown as typed: in a text input. -->
    <xsl:variable name="shown-type">
      <xsl:choose>
        <xsl:when test="/page/error[@field = $name]">text</xsl:when>
        <xsl:otherwise><xsl:value-of select="$type"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <input type="{$shown-type}" id="{$name}" name="{$name}">
      <xsl:choose>
        <xsl:when test="$shown-type = 'text' or $shown-type = 'email'"><xsl:attribute name="maxlength"><xsl:value-of select="$max"/></xsl:attribute></xsl:when>
        <xsl:when test="$shown-type = 'number'"><xsl:attribute name="min">1</xsl:attribute><xsl:attribute name="max">31</xsl:attribute></xsl:when>
      </xsl:choose>
      <xsl:if test="$required"><xsl:attribute name="required">required</xsl:attribute></xsl:if>
      <xsl:attribute name="value"><xsl:call-template name="value"><xsl:with-param name="name" select="$name"/><xsl:with-param name="stored" select="$stored"/></xsl:call-template></xsl:attribute>
    </input>
    <xsl:call-template name="field-error"><xsl:with-param name="name" select="$name"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="adm-org-name">
    <xsl:param name="id"/>
    <xsl:variable name="o" select="/page/staff/org[@id = $id]"/>
    <xsl:choose>
      <xsl:when test="$o"><xsl:value-of select="$o"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$id"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ signing in -->
  <xsl:template match="page[@section='admin'][signin or enrolled]" mode="content">
    <xsl:variable name="s" select="signin"/>
    <h1><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('adm.title.', @name)"/></xsl:call-template></h1>
    <xsl:if test="done = 'out'">
      <p class="notice" role="status" id="done"><xsl:value-of select="$M/adm.done.out"/></p>
    </xsl:if>
    <xsl:call-template name="form-errors"/>
    <xsl:choose>
      <xsl:when test="enrolled">
        <p id="enrolled"><xsl:value-of select="$M/adm.enrol.done"/></p>
        <h2><xsl:value-of select="$M/adm.enrol.codes"/></h2>
        <p><xsl:value-of select="$M/adm.enrol.codes-hint"/></p>
        <ul class="recovery-codes" id="recovery-codes">
          <xsl:for-each select="enrolled/recovery-codes/code"><li><code><xsl:value-of select="."/></code></li></xsl:for-each>
        </ul>
        <p><a class="button primary" href="{enrolled/next}" id="continue"><xsl:value-of select="$M/adm.enrol.continue"/></a></p>
      </xsl:when>
      <xsl:when test="$s/@step = 'password'">
        <form method="post" action="/admin/login" class="stacked card" id="signin-form">
          <input type="hidden" name="csrf" value="{csrf}"/>
          <input type="hidden" name="next" value="{$s/next}"/>
          <label for="login"><xsl:value-of select="$M/adm.f.login"/></label>
          <input type="text" id="login" name="login" required="required" maxlength="64" autocomplete="username" value="{$s/login}"/>
          <label for="password"><xsl:value-of select="$M/adm.f.password"/></label>
          <input type="password" id="password" name="password" required="required" maxlength="128" autocomplete="current-password"/>
          <button type="submit" class="primary" id="signin-submit"><xsl:value-of select="$M/adm.signin.next"/></button>
        </form>
      </xsl:when>
      <xsl:otherwise>
        <xsl:if test="enrol">
          <p><xsl:value-of select="$M/adm.enrol.intro"/></p>
          <figure class="totp-qr">
            <svg xmlns="http://www.w3.org/2000/svg" role="img" width="200" height="200"
                 viewBox="-4 -4 {enrol/qr/@size} {enrol/qr/@size}" aria-labelledby="qr-label" shape-rendering="crispEdges">
              <title id="qr-label"><xsl:value-of select="$M/adm.enrol.qr"/></title>
              <rect x="-4" y="-4" width="{enrol/qr/@size}" height="{enrol/qr/@size}" fill="#fff"/>
              <path d="{enrol/qr}" fill="#000"/>
            </svg>
            <figcaption>
              <xsl:value-of select="concat($M/adm.enrol.secret, ' ')"/>
              <code id="totp-secret"><xsl:value-of select="enrol/secret"/></code>
            </figcaption>
          </figure>
        </xsl:if>
        <form method="post" action="/admin/login/{@name}" class="stacked card" id="code-form">
          <input type="hidden" name="csrf" value="{csrf}"/>
          <input type="hidden" name="next" value="{$s/next}"/>
          <label for="code"><xsl:value-of select="$M/adm.f.code"/></label>
          <input type="text" id="code" name="code" required="required" maxlength="16" autocomplete="one-time-code" inputmode="text" aria-describedby="code-hint"/>
          <p class="hint" id="code-hint">
            <xsl:choose>
              <xsl:when test="enrol"><xsl:value-of select="$M/adm.enrol.code-hint"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$M/adm.code.hint"/></xsl:otherwise>
            </xsl:choose>
          </p>
          <button type="submit" class="primary" id="code-submit"><xsl:value-of select="$M/adm.signin.submit"/></button>
        </form>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ overview -->
  <xsl:template match="page[@section='admin'][@name='overview']" mode="content">
    <h1><xsl:value-of select="$M/adm.title.overview"/></h1>
    <p><xsl:value-of select="concat($M/adm.you, ' ', staff/@login, ' (')"/>
      <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('adm.role.', staff/@role)"/></xsl:call-template>
      <xsl:text>)</xsl:text></p>
    <xsl:for-each select="overview/org">
      <section class="card" id="org-{@id}">
        <h2><xsl:value-of select="name"/></h2>
        <table class="data">
          <caption class="visually-hidden"><xsl:value-of select="name"/></caption>
          <thead><tr><th scope="col"><xsl:value-of select="$M/adm.ov.what"/></th><th scope="col"><xsl:value-of select="$M/adm.ov.today"/></th><th scope="col"><xsl:value-of select="$M/adm.ov.month"/></th></tr></thead>
          <tbody>
            <tr><th scope="row"><xsl:value-of select="$M/adm.ov.signups"/></th><td class="num"><xsl:value-of select="signups-today"/></td><td class="num"><xsl:value-of select="signups-month"/></td></tr>
            <tr><th scope="row"><xsl:value-of select="$M/adm.ov.signins"/></th><td class="num"><xsl:value-of select="signins-today"/></td><td class="num"><xsl:value-of select="signins-month"/></td></tr>
            <tr><th scope="row"><xsl:value-of select="$M/adm.ov.paid"/></th><td class="num">—</td><td class="num"><xsl:value-of select="concat(paid-count, ' / ')"/><xsl:apply-templates select="paid-sum" mode="money"/></td></tr>
            <tr><th scope="row"><xsl:value-of select="$M/adm.ov.failed"/></th><td class="num">—</td><td class="num"><xsl:value-of select="failed-count"/></td></tr>
            <tr><th scope="row"><xsl:value-of select="$M/adm.ov.readings"/></th><td class="num">—</td><td class="num"><xsl:value-of select="concat(readings, ' / ', meters)"/></td></tr>
            <tr><th scope="row"><a href="/admin/requests"><xsl:value-of select="$M/adm.ov.requests"/></a></th><td class="num">—</td><td class="num" id="open-requests-{@id}"><xsl:value-of select="open-requests"/></td></tr>
            <tr><th scope="row"><xsl:value-of select="$M/adm.ov.undelivered"/></th><td class="num">—</td><td class="num"><xsl:value-of select="undelivered"/></td></tr>
          </tbody>
        </table>
      </section>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================ subscribers -->
  <xsl:template match="page[@section='admin'][@name='subscribers']" mode="content">
    <h1><xsl:value-of select="$M/adm.title.subscribers"/></h1>
    <xsl:call-template name="adm-errors"/>
    <form method="get" action="/admin/subscribers" class="stacked card" id="search-form" role="search">
      <label for="by"><xsl:value-of select="$M/adm.f.by"/></label>
      <select id="by" name="by">
        <xsl:variable name="by" select="/page/search/@by"/>
        <xsl:for-each select="exsl:node-set($adm-kinds)/k" xmlns:exsl="http://exslt.org/common">
          <option value="{.}">
            <xsl:if test=". = $by"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
            <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('adm.by.', .)"/></xsl:call-template>
          </option>
        </xsl:for-each>
      </select>
      <label for="q"><xsl:value-of select="$M/adm.f.q"/></label>
      <input type="search" id="q" name="q" required="required" maxlength="200" value="{search/q}"/>
      <xsl:call-template name="field-error"><xsl:with-param name="name">q</xsl:with-param></xsl:call-template>
      <button type="submit" class="primary" id="search-submit"><xsl:value-of select="$M/adm.search"/></button>
    </form>
    <xsl:if test="search/rows">
      <xsl:choose>
        <xsl:when test="search/rows/row">
          <table class="data" id="results">
            <caption><xsl:value-of select="$M/adm.results"/></caption>
            <thead><tr>
              <th scope="col"><xsl:value-of select="$M/adm.col.account"/></th>
              <th scope="col"><xsl:value-of select="$M/adm.col.subscriber"/></th>
              <th scope="col"><xsl:value-of select="$M/adm.col.address"/></th>
            </tr></thead>
            <tbody>
              <xsl:for-each select="search/rows/row[position() &lt;= 20]">
                <tr>
                  <td><xsl:value-of select="number"/></td>
                  <td>
                    <xsl:choose>
                      <xsl:when test="@subscriber">
                        <a href="/admin/subscriber?id={@subscriber}">
                          <xsl:value-of select="login"/>
                          <xsl:if test="full-name"><xsl:value-of select="concat(' — ', full-name)"/></xsl:if>
                        </a>
                        <xsl:if test="@active = '0'"><xsl:value-of select="concat(' (', $M/adm.blocked, ')')"/></xsl:if>
                      </xsl:when>
                      <xsl:otherwise>
                        <xsl:value-of select="$M/adm.no-login"/>
                        <xsl:if test="$adm-serves and @account">
                          <xsl:text> · </xsl:text>
                          <a href="/admin/account/login?account={@account}" id="create-login-{@account}"><xsl:value-of select="$M/adm.title.holder"/></a>
                        </xsl:if>
                      </xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td><xsl:value-of select="address"/><xsl:if test="payer"><xsl:value-of select="concat(' (', payer, ')')"/></xsl:if></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
          <xsl:if test="count(search/rows/row) &gt; 20">
            <p><a id="next-page" href="/admin/subscribers?by={search/@by}&amp;q={search/q}&amp;after={search/rows/row[20]/@key}"><xsl:value-of select="$M/adm.next-page"/></a></p>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise><p id="no-results"><xsl:value-of select="$M/adm.no-results"/></p></xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <xsl:variable name="adm-kinds"><k>account</k><k>address</k><k>login</k><k>name</k><k>email</k><k>phone</k></xsl:variable>

  <xsl:template match="page[@section='admin'][@name='subscriber']" mode="content">
    <xsl:variable name="s" select="subscriber"/>
    <h1><xsl:value-of select="concat($M/adm.title.subscriber, ': ', $s/login)"/></h1>
    <xsl:call-template name="adm-done"/>
    <section class="card" id="profile">
      <dl class="facts">
        <dt><xsl:value-of select="$M/adm.f.full_name"/></dt><dd id="full-name"><xsl:value-of select="$s/full-name"/></dd>
        <dt><xsl:value-of select="$M/adm.f.email"/></dt><dd id="email"><xsl:value-of select="$s/email"/></dd>
        <dt><xsl:value-of select="$M/adm.f.phone"/></dt><dd id="phone"><xsl:value-of select="$s/phone"/></dd>
        <dt><xsl:value-of select="$M/adm.since"/></dt><dd><xsl:call-template name="datetime"><xsl:with-param name="v" select="$s/created"/></xsl:call-template></dd>
        <dt><xsl:value-of select="$M/adm.state"/></dt>
        <dd id="state"><xsl:choose><xsl:when test="$s/@active = '1'"><xsl:value-of select="$M/adm.active"/></xsl:when><xsl:otherwise><xsl:value-of select="$M/adm.blocked"/></xsl:otherwise></xsl:choose></dd>
        <dt><xsl:value-of select="$M/adm.two-factor"/></dt>
        <dd id="two-factor"><xsl:choose>
          <xsl:when test="$s/@two-factor = 'sms'"><xsl:value-of select="$M/adm.two-factor.sms"/></xsl:when>
          <xsl:when test="$s/@two-factor = 'app'"><xsl:value-of select="$M/adm.two-factor.app"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$M/adm.two-factor.off"/></xsl:otherwise>
        </xsl:choose></dd>
      </dl>
      <xsl:if test="$adm-serves">
        <div class="actions">
          <xsl:choose>
            <xsl:when test="$s/@active = '1'">
              <xsl:call-template name="adm-button"><xsl:with-param name="to">/admin/subscriber/block</xsl:with-param><xsl:with-param name="id" select="$s/@id"/><xsl:with-param name="key">block</xsl:with-param></xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="adm-button"><xsl:with-param name="to">/admin/subscriber/unblock</xsl:with-param><xsl:with-param name="id" select="$s/@id"/><xsl:with-param name="key">unblock</xsl:with-param></xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
          <xsl:if test="$s/@active = '1'">
            <xsl:call-template name="adm-button"><xsl:with-param name="to">/admin/subscriber/view-as</xsl:with-param><xsl:with-param name="id" select="$s/@id"/><xsl:with-param name="key">view-as</xsl:with-param></xsl:call-template>
          </xsl:if>
          <xsl:call-template name="adm-button"><xsl:with-param name="to">/admin/subscriber/end-sessions</xsl:with-param><xsl:with-param name="id" select="$s/@id"/><xsl:with-param name="key">end-sessions</xsl:with-param></xsl:call-template>
          <xsl:if test="$s/email">
            <xsl:call-template name="adm-button"><xsl:with-param name="to">/admin/subscriber/reset-link</xsl:with-param><xsl:with-param name="id" select="$s/@id"/><xsl:with-param name="key">reset-link</xsl:with-param></xsl:call-template>
          </xsl:if>
        </div>
        <xsl:if test="$s/@two-factor">
          <form method="post" action="/admin/subscriber/two-factor-off" class="stacked" id="two-factor-off-form">
            <input type="hidden" name="csrf" value="{csrf}"/>
            <input type="hidden" name="id" value="{$s/@id}"/>
            <p class="hint"><xsl:value-of select="$M/adm.two-factor.off-hint"/></p>
            <label for="password"><xsl:value-of select="$M/adm.f.password-again"/></label>
            <input type="password" id="password" name="password" required="required" maxlength="128" autocomplete="current-password"/>
            <xsl:call-template name="field-error"><xsl:with-param name="name">password</xsl:with-param></xsl:call-template>
            <button type="submit" id="two-factor-off"><xsl:value-of select="$M/adm.do.two-factor-off"/></button>
          </form>
        </xsl:if>
      </xsl:if>
    </section>
    <section class="card" id="accounts">
      <h2><xsl:value-of select="$M/adm.accounts"/></h2>
      <ul>
        <xsl:for-each select="$s/accounts/account">
          <li id="account-{@id}">
            <xsl:value-of select="concat(number, ' — ', address, ' (', payer, ') ')"/>
            <xsl:if test="$adm-serves">
              <form method="post" action="/admin/subscriber/unlink" class="inline">
                <input type="hidden" name="csrf" value="{/page/csrf}"/>
                <input type="hidden" name="id" value="{$s/@id}"/>
                <input type="hidden" name="account" value="{@id}"/>
                <button type="submit" class="link-button" id="unlink-{@id}"><xsl:value-of select="$M/adm.do.unlink"/><span class="visually-hidden"><xsl:value-of select="concat(' ', number)"/></span></button>
              </form>
            </xsl:if>
            <xsl:variable name="delegates" select="$s/delegates/delegate[@account = current()/@id]"/>
            <xsl:if test="$delegates">
              <p class="hint" id="delegates-{@id}"><xsl:value-of select="$M/adm.delegates"/></p>
              <ul>
                <xsl:for-each select="$delegates">
                  <li>
                    <a href="/admin/subscriber?id={@id}"><xsl:value-of select="concat(full-name, ' (', login, ')')"/></a>
                    <xsl:text> — </xsl:text>
                    <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('adm.rights.', @rights)"/></xsl:call-template>
                  </li>
                </xsl:for-each>
              </ul>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ul>
      <xsl:if test="$adm-serves">
        <xsl:call-template name="adm-errors"/>
        <form method="post" action="/admin/subscriber/link" class="stacked" id="link-form">
          <input type="hidden" name="csrf" value="{/page/csrf}"/>
          <input type="hidden" name="id" value="{$s/@id}"/>
          <label for="org"><xsl:value-of select="$M/adm.f.org"/></label>
          <select id="org" name="org">
            <xsl:for-each select="/page/staff/org">
              <option value="{@id}"><xsl:if test="@id = /page/typed[@name='org']"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="."/></option>
            </xsl:for-each>
          </select>
          <xsl:call-template name="field-error"><xsl:with-param name="name">org</xsl:with-param></xsl:call-template>
          <xsl:call-template name="adm-field"><xsl:with-param name="name">number</xsl:with-param><xsl:with-param name="max">20</xsl:with-param></xsl:call-template>
          <button type="submit" class="secondary" id="link-submit"><xsl:value-of select="$M/adm.do.link"/></button>
        </form>
      </xsl:if>
    </section>
    <section class="card" id="shared">
      <h2><xsl:value-of select="$M/adm.shared"/></h2>
      <xsl:choose>
        <xsl:when test="$s/shared/account">
          <ul>
            <xsl:for-each select="$s/shared/account">
              <li id="shared-{@id}">
                <xsl:value-of select="concat(number, ' — ', address, ': ')"/>
                <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('adm.rights.', @rights)"/></xsl:call-template>
                <xsl:value-of select="concat('; ', $M/adm.shared-by, ' ')"/>
                <a href="/admin/subscriber?id={by/@id}"><xsl:value-of select="by"/></a>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p id="no-shared"><xsl:value-of select="$M/adm.no-shared"/></p></xsl:otherwise>
      </xsl:choose>
    </section>
    <section class="card" id="sessions">
      <h2><xsl:value-of select="$M/adm.sessions"/></h2>
      <xsl:choose>
        <xsl:when test="$s/sessions/session">
          <ul>
            <xsl:for-each select="$s/sessions/session">
              <li>
                <xsl:for-each select="browser|os"><xsl:value-of select="concat(., ', ')"/></xsl:for-each>
                <xsl:value-of select="concat(ip, ', ')"/>
                <xsl:call-template name="datetime"><xsl:with-param name="v" select="seen"/></xsl:call-template>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p id="no-sessions"><xsl:value-of select="$M/adm.no-sessions"/></p></xsl:otherwise>
      </xsl:choose>
    </section>
    <section class="card" id="sign-ins">
      <h2><xsl:value-of select="$M/adm.sign-ins"/></h2>
      <ul>
        <xsl:for-each select="$s/sign-ins/sign-in">
          <li><xsl:call-template name="datetime"><xsl:with-param name="v" select="at"/></xsl:call-template>
            <xsl:value-of select="concat(', ', ip, ', ')"/>
            <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('adm.result.', @result)"/></xsl:call-template></li>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>

  <!-- ============================================================ a login for an account's holder -->
  <xsl:template match="page[@section='admin'][@name='holder']" mode="content">
    <xsl:variable name="h" select="holder"/>
    <h1><xsl:value-of select="$M/adm.title.holder"/></h1>
    <p><xsl:value-of select="concat($h/number, ' — ', $h/address, ' (', $h/payer, ')')"/></p>
    <xsl:if test="$h/@logins &gt; 0"><p class="notice" id="has-logins"><xsl:value-of select="$M/adm.holder.has-logins"/></p></xsl:if>
    <xsl:call-template name="adm-errors"/>
    <form method="post" action="/admin/account/login?account={$h/@id}" class="stacked card" id="holder-form">
      <input type="hidden" name="csrf" value="{csrf}"/>
      <input type="hidden" name="account" value="{$h/@id}"/>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">login</xsl:with-param><xsl:with-param name="stored" select="$h/number"/><xsl:with-param name="max">64</xsl:with-param></xsl:call-template>
      <fieldset>
        <legend><xsl:value-of select="$M/adm.f.channel"/></legend>
        <xsl:variable name="chosen" select="/page/typed[@name='channel']"/>
        <label class="choice" for="channel-sms">
          <input type="radio" id="channel-sms" name="channel" value="sms">
            <xsl:if test="$chosen = 'sms' or (not($chosen) and $h/phone)"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
            <xsl:if test="not($h/phone)"><xsl:attribute name="disabled">disabled</xsl:attribute></xsl:if>
          </input>
          <xsl:value-of select="$M/adm.holder.sms"/>
          <xsl:if test="$h/phone"><xsl:value-of select="concat(' ', $h/phone)"/></xsl:if>
        </label>
        <label class="choice" for="channel-email">
          <input type="radio" id="channel-email" name="channel" value="email">
            <xsl:if test="$chosen = 'email' or (not($chosen) and not($h/phone))"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
          </input>
          <xsl:value-of select="$M/adm.holder.email"/>
        </label>
      </fieldset>
      <xsl:call-template name="field-error"><xsl:with-param name="name">channel</xsl:with-param></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">email</xsl:with-param><xsl:with-param name="type">email</xsl:with-param><xsl:with-param name="required" select="false()"/><xsl:with-param name="max">254</xsl:with-param></xsl:call-template>
      <p class="hint"><xsl:value-of select="$M/adm.holder.hint"/></p>
      <button type="submit" class="primary" id="holder-submit"><xsl:value-of select="$M/adm.create"/></button>
    </form>
  </xsl:template>

  <!-- A one-button form: an action on one object. -->
  <xsl:template name="adm-button">
    <xsl:param name="to"/>
    <xsl:param name="id"/>
    <xsl:param name="key"/>
    <xsl:param name="class">secondary</xsl:param>
    <form method="post" action="{$to}" class="inline">
      <input type="hidden" name="csrf" value="{/page/csrf}"/>
      <input type="hidden" name="id" value="{$id}"/>
      <button type="submit" class="{$class}" id="{$key}-{$id}">
        <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('adm.do.', $key)"/></xsl:call-template>
      </button>
    </form>
  </xsl:template>

  <!-- ============================================================ requests -->
  <xsl:template match="page[@section='admin'][@name='requests']" mode="content">
    <h1><xsl:value-of select="$M/adm.title.requests"/></h1>
    <xsl:call-template name="adm-done"/>
    <xsl:call-template name="adm-errors"/>
    <xsl:choose>
      <xsl:when test="requests/request">
        <xsl:for-each select="requests/request[position() &lt;= 50]">
          <section class="card request" id="request-{@id}">
            <h2><a href="/admin/subscriber?id={@subscriber}"><xsl:value-of select="concat(login, ' — ', full-name)"/></a></h2>
            <p><xsl:value-of select="concat($M/adm.req.mobile, ': ')"/>
              <span class="old"><xsl:value-of select="current"/></span>
              <xsl:text> → </xsl:text>
              <strong class="new"><xsl:value-of select="value"/></strong>
              <xsl:text> (</xsl:text><xsl:call-template name="datetime"><xsl:with-param name="v" select="created"/></xsl:call-template><xsl:text>)</xsl:text></p>
            <xsl:if test="$adm-serves">
            <xsl:call-template name="adm-button"><xsl:with-param name="to">/admin/requests/approve</xsl:with-param><xsl:with-param name="id" select="@id"/><xsl:with-param name="key">approve</xsl:with-param><xsl:with-param name="class">primary</xsl:with-param></xsl:call-template>
            <form method="post" action="/admin/requests/reject" class="stacked" id="reject-form-{@id}">
              <input type="hidden" name="csrf" value="{/page/csrf}"/>
              <input type="hidden" name="id" value="{@id}"/>
              <label for="reason-{@id}"><xsl:value-of select="$M/adm.f.reason"/></label>
              <input type="text" id="reason-{@id}" name="reason" maxlength="300">
                <xsl:if test="/page/@refused = @id"><xsl:attribute name="value"><xsl:value-of select="/page/typed[@name='reason']"/></xsl:attribute></xsl:if>
              </input>
              <xsl:if test="/page/@refused = @id"><xsl:call-template name="field-error"><xsl:with-param name="name">reason</xsl:with-param></xsl:call-template></xsl:if>
              <button type="submit" class="secondary" id="reject-{@id}"><xsl:value-of select="$M/adm.do.reject"/></button>
            </form>
            </xsl:if>
          </section>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><p id="no-requests"><xsl:value-of select="$M/adm.no-requests"/></p></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="count(requests/request) &gt; 50">
      <p><a id="next-page" href="/admin/requests?after={requests/request[50]/@id}"><xsl:value-of select="$M/adm.next-page"/></a></p>
    </xsl:if>
  </xsl:template>


  <!-- ============================================================ appeals -->
  <xsl:template match="page[@section='admin'][@name='appeals']" mode="content">
    <h1><xsl:value-of select="$M/adm.title.appeals"/></h1>
    <p><a href="/admin/topics" id="topics-link"><xsl:value-of select="$M/adm.title.topics"/></a></p>
    <form method="get" action="/admin/appeals" class="filter" id="appeals-filter">
      <fieldset>
        <div>
          <label for="status"><xsl:value-of select="$M/adm.ap.status"/></label>
          <select id="status" name="status">
            <option value=""><xsl:value-of select="$M/adm.ap.any"/></option>
            <!-- The loop is over the catalog: the page's values are taken before it. -->
            <xsl:variable name="shown" select="/page/appeals/@status"/>
            <xsl:for-each select="$M/*[starts-with(local-name(), 'ap.status.')]">
              <xsl:variable name="s" select="substring-after(local-name(), 'ap.status.')"/>
              <option value="{$s}">
                <xsl:if test="$shown = $s"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="."/>
              </option>
            </xsl:for-each>
          </select>
        </div>
        <button type="submit" class="secondary"><xsl:value-of select="$M/adm.ap.show"/></button>
      </fieldset>
    </form>
    <xsl:choose>
      <xsl:when test="appeals/appeal">
        <table class="data" id="appeals">
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="$M/adm.ap.number"/></th>
              <th scope="col"><xsl:value-of select="$M/adm.ap.subscriber"/></th>
              <th scope="col"><xsl:value-of select="$M/adm.ap.topic"/></th>
              <th scope="col"><xsl:value-of select="$M/adm.ap.status"/></th>
              <th scope="col"><xsl:value-of select="$M/adm.ap.assigned"/></th>
              <th scope="col"><xsl:value-of select="$M/adm.ap.updated"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="appeals/appeal">
              <tr id="appeal-{@id}">
                <td><a href="/admin/appeal?id={@id}"><xsl:value-of select="concat('№ ', @id)"/></a></td>
                <td><xsl:value-of select="concat(login, ', ', account)"/></td>
                <td><xsl:value-of select="topic"/></td>
                <td><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('ap.status.', @status)"/></xsl:call-template></td>
                <td><xsl:value-of select="assigned"/></td>
                <td><xsl:call-template name="datetime"><xsl:with-param name="v" select="@updated"/></xsl:call-template></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:when>
      <xsl:otherwise><p id="no-appeals"><xsl:value-of select="$M/adm.ap.none"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page[@section='admin'][@name='appeal']" mode="content">
    <xsl:variable name="a" select="appeal"/>
    <h1><xsl:value-of select="concat($M/adm.title.appeal, ' № ', $a/@id)"/></h1>
    <xsl:call-template name="adm-done"/>
    <xsl:call-template name="adm-errors"/>
    <section class="card">
      <dl class="facts">
        <dt><xsl:value-of select="$M/adm.ap.subscriber"/></dt>
        <dd id="subscriber"><a href="/admin/subscriber?id={$a/@subscriber}"><xsl:value-of select="concat($a/login, ' — ', $a/name)"/></a></dd>
        <dt><xsl:value-of select="$M/adm.ap.account"/></dt><dd id="account"><xsl:value-of select="$a/account"/></dd>
        <dt><xsl:value-of select="$M/adm.ap.topic"/></dt><dd id="topic"><xsl:value-of select="$a/topic"/></dd>
        <dt><xsl:value-of select="$M/adm.ap.status"/></dt>
        <dd id="status"><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('ap.status.', $a/@status)"/></xsl:call-template></dd>
        <dt><xsl:value-of select="$M/adm.ap.assigned"/></dt>
        <dd id="assigned"><xsl:choose><xsl:when test="$a/assigned"><xsl:value-of select="$a/assigned"/></xsl:when><xsl:otherwise><xsl:value-of select="$M/adm.ap.nobody"/></xsl:otherwise></xsl:choose></dd>
      </dl>
      <xsl:if test="$adm-serves">
        <form method="post" action="/admin/appeal/assign" class="inline" id="assign-form">
          <input type="hidden" name="csrf" value="{csrf}"/>
          <input type="hidden" name="id" value="{$a/@id}"/>
          <xsl:choose>
            <xsl:when test="$a/assigned = /page/staff/@login">
              <input type="hidden" name="take" value="0"/>
              <button type="submit" class="secondary" id="release"><xsl:value-of select="$M/adm.ap.release"/></button>
            </xsl:when>
            <xsl:otherwise>
              <input type="hidden" name="take" value="1"/>
              <button type="submit" class="secondary" id="take"><xsl:value-of select="$M/adm.ap.take"/></button>
            </xsl:otherwise>
          </xsl:choose>
        </form>
      </xsl:if>
    </section>
    <xsl:call-template name="request-fields"><xsl:with-param name="a" select="$a"/></xsl:call-template>
    <ol class="thread" id="thread">
      <xsl:for-each select="$a/message">
        <li class="message from-{@author}" id="message-{@id}">
          <p class="message-head">
            <strong>
              <xsl:choose>
                <xsl:when test="@author = 'subscriber'"><xsl:value-of select="$M/adm.ap.from-subscriber"/></xsl:when>
                <xsl:when test="@author = 'note'"><xsl:value-of select="concat($M/adm.ap.note, ', ', @staff)"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="@staff"/></xsl:otherwise>
              </xsl:choose>
            </strong>
            <xsl:text>, </xsl:text>
            <xsl:call-template name="datetime"><xsl:with-param name="v" select="@at"/></xsl:call-template>
          </p>
          <p class="message-text"><xsl:value-of select="text"/></p>
          <xsl:if test="file">
            <ul class="files">
              <xsl:for-each select="file">
                <li><a href="/admin/appeal/file?id={@id}" id="file-{@id}"><xsl:value-of select="."/></a>
                  <xsl:value-of select="concat(' (', @type, ', ', format-number(@size div 1024, '0'), ' KB)')"/></li>
              </xsl:for-each>
            </ul>
          </xsl:if>
        </li>
      </xsl:for-each>
    </ol>
    <xsl:if test="$adm-serves">
      <section class="card">
        <form method="post" action="/admin/appeal/answer" enctype="multipart/form-data" class="stacked" id="answer-form">
          <input type="hidden" name="csrf" value="{csrf}"/>
          <input type="hidden" name="id" value="{$a/@id}"/>
          <label for="text"><xsl:value-of select="$M/adm.ap.answer"/></label>
          <textarea id="text" name="text" required="required" maxlength="4000" rows="5"><xsl:value-of select="/page/typed[@name='text']"/></textarea>
          <xsl:call-template name="field-error"><xsl:with-param name="name">text</xsl:with-param></xsl:call-template>
          <label for="status-after"><xsl:value-of select="$M/adm.ap.status-after"/></label>
          <select id="status-after" name="status">
            <xsl:variable name="typed" select="/page/typed[@name='status']"/>
            <xsl:for-each select="$M/*[starts-with(local-name(), 'ap.status.') and local-name() != 'ap.status.new']">
              <xsl:variable name="s" select="substring-after(local-name(), 'ap.status.')"/>
              <option value="{$s}">
                <xsl:if test="$typed = $s or (not($typed) and $s = 'resolved')"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="."/>
              </option>
            </xsl:for-each>
          </select>
          <xsl:call-template name="field-error"><xsl:with-param name="name">status</xsl:with-param></xsl:call-template>
          <!-- Last in the form: the program reads the files as they come. -->
          <label for="answer-files"><xsl:value-of select="$M/adm.ap.files"/></label>
          <input type="file" id="answer-files" name="files" multiple="multiple"
                 accept="image/jpeg,image/png,application/pdf" aria-describedby="answer-files-hint"/>
          <p class="hint" id="answer-files-hint"><xsl:value-of select="$M/adm.ap.files-hint"/></p>
          <xsl:for-each select="/page/error[@field = 'files']">
            <p class="field-error" id="error-files">
              <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('error.', @code)"/></xsl:call-template>
              <xsl:if test="/page/refused-file"><xsl:text> </xsl:text><q><xsl:value-of select="/page/refused-file"/></q></xsl:if>
            </p>
          </xsl:for-each>
          <button type="submit" class="primary" id="answer-submit"><xsl:value-of select="$M/adm.ap.send"/></button>
        </form>
        <form method="post" action="/admin/appeal/note" class="stacked" id="note-form">
          <input type="hidden" name="csrf" value="{csrf}"/>
          <input type="hidden" name="id" value="{$a/@id}"/>
          <label for="note-text"><xsl:value-of select="$M/adm.ap.note-label"/></label>
          <textarea id="note-text" name="text" maxlength="4000" rows="3"></textarea>
          <button type="submit" class="secondary" id="note-submit"><xsl:value-of select="$M/adm.ap.add-note"/></button>
        </form>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ readings -->
  <xsl:variable name="adm-serves-readings" select="$adm-serves"/>

  <xsl:template match="page[@section='admin'][@name='readings']" mode="content">
    <h1><xsl:value-of select="$M/adm.title.readings"/></h1>
    <xsl:call-template name="adm-done"/>
    <xsl:call-template name="adm-errors"/>
    <p><xsl:value-of select="$M/adm.readings.intro"/></p>
    <xsl:choose>
      <xsl:when test="readings/reading">
        <xsl:for-each select="readings/reading[position() &lt;= 50]">
          <section class="card" id="reading-{@id}">
            <h2><xsl:value-of select="concat(account, ' · ', meter)"/>
              <xsl:if test="@zone &gt; 1 or ../reading[meter = current()/meter][@zone &gt; 1]"><xsl:value-of select="concat(' · T', @zone)"/></xsl:if></h2>
            <p>
              <xsl:call-template name="date"><xsl:with-param name="v" select="taken-on"/></xsl:call-template>
              <xsl:text>: </xsl:text>
              <strong class="value"><xsl:call-template name="decimal"><xsl:with-param name="v" select="value"/></xsl:call-template></strong>
              <xsl:if test="previous">
                <xsl:value-of select="concat(' (', $M/adm.readings.previous, ' ')"/>
                <xsl:call-template name="decimal"><xsl:with-param name="v" select="previous"/></xsl:call-template>
                <xsl:value-of select="concat(', ', $M/adm.readings.consumed, ' ')"/>
                <xsl:call-template name="decimal"><xsl:with-param name="v" select="consumed"/></xsl:call-template>
                <xsl:text>)</xsl:text>
              </xsl:if>
              <xsl:if test="login"><xsl:value-of select="concat(' · ', login)"/></xsl:if>
            </p>
            <xsl:if test="$adm-serves">
              <xsl:call-template name="adm-button"><xsl:with-param name="to">/admin/readings/accept</xsl:with-param><xsl:with-param name="id" select="@id"/><xsl:with-param name="key">accept</xsl:with-param><xsl:with-param name="class">primary</xsl:with-param></xsl:call-template>
              <form method="post" action="/admin/readings/reject" class="stacked" id="reject-reading-{@id}">
                <input type="hidden" name="csrf" value="{/page/csrf}"/>
                <input type="hidden" name="id" value="{@id}"/>
                <label for="reason-{@id}"><xsl:value-of select="$M/adm.f.reason"/></label>
                <input type="text" id="reason-{@id}" name="reason" maxlength="300">
                  <xsl:if test="/page/@refused = @id"><xsl:attribute name="value"><xsl:value-of select="/page/typed[@name='reason']"/></xsl:attribute></xsl:if>
                </input>
                <xsl:if test="/page/@refused = @id"><xsl:call-template name="field-error"><xsl:with-param name="name">reason</xsl:with-param></xsl:call-template></xsl:if>
                <button type="submit" class="secondary" id="reject-{@id}"><xsl:value-of select="$M/adm.do.reject"/></button>
              </form>
            </xsl:if>
          </section>
        </xsl:for-each>
        <xsl:if test="count(readings/reading) &gt; 50">
          <p><a id="next-page" href="/admin/readings?after={readings/reading[50]/@id}"><xsl:value-of select="$M/adm.next-page"/></a></p>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise><p id="no-readings"><xsl:value-of select="$M/adm.no-readings"/></p></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$adm-serves">
      <section class="card" id="enter">
        <h2><xsl:value-of select="$M/adm.readings.enter"/></h2>
        <form method="post" action="/admin/readings/enter" class="stacked" id="enter-form">
          <input type="hidden" name="csrf" value="{csrf}"/>
          <label for="org"><xsl:value-of select="$M/adm.f.org"/></label>
          <select id="org" name="org">
            <xsl:for-each select="staff/org">
              <option value="{@id}"><xsl:if test="@id = /page/typed[@name='org']"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="."/></option>
            </xsl:for-each>
          </select>
          <xsl:call-template name="adm-field"><xsl:with-param name="name">number</xsl:with-param><xsl:with-param name="max">20</xsl:with-param></xsl:call-template>
          <xsl:call-template name="adm-field"><xsl:with-param name="name">meter</xsl:with-param><xsl:with-param name="max">32</xsl:with-param></xsl:call-template>
          <xsl:call-template name="adm-field"><xsl:with-param name="name">zone</xsl:with-param><xsl:with-param name="stored">1</xsl:with-param><xsl:with-param name="max">1</xsl:with-param></xsl:call-template>
          <xsl:call-template name="adm-field"><xsl:with-param name="name">value</xsl:with-param><xsl:with-param name="max">20</xsl:with-param></xsl:call-template>
          <xsl:call-template name="adm-field"><xsl:with-param name="name">taken_on</xsl:with-param><xsl:with-param name="type">date</xsl:with-param><xsl:with-param name="max">10</xsl:with-param></xsl:call-template>
          <button type="submit" class="primary" id="enter-submit"><xsl:value-of select="$M/adm.save"/></button>
        </form>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ payments -->
  <xsl:variable name="adm-pay-kinds"><k>id</k><k>provider</k><k>account</k><k>day</k></xsl:variable>
  <xsl:variable name="adm-pays" select="/page/nav/@role = 'admin' or /page/nav/@role = 'accountant'"/>

  <xsl:template match="page[@section='admin'][@name='payments']" mode="content">
    <h1><xsl:value-of select="$M/adm.title.payments"/></h1>
    <xsl:call-template name="adm-errors"/>
    <form method="get" action="/admin/payments" class="stacked card" id="payment-search" role="search">
      <label for="by"><xsl:value-of select="$M/adm.f.by"/></label>
      <select id="by" name="by">
        <xsl:variable name="by" select="/page/payment-search/@by"/>
        <xsl:for-each select="exsl:node-set($adm-pay-kinds)/k" xmlns:exsl="http://exslt.org/common">
          <option value="{.}">
            <xsl:if test=". = $by"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
            <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('adm.pay-by.', .)"/></xsl:call-template>
          </option>
        </xsl:for-each>
      </select>
      <label for="q"><xsl:value-of select="$M/adm.f.q"/></label>
      <input type="search" id="q" name="q" required="required" maxlength="200" value="{payment-search/q}" aria-describedby="q-hint"/>
      <p class="hint" id="q-hint"><xsl:value-of select="$M/adm.pay-hint"/></p>
      <xsl:call-template name="field-error"><xsl:with-param name="name">q</xsl:with-param></xsl:call-template>
      <button type="submit" class="primary" id="search-submit"><xsl:value-of select="$M/adm.search"/></button>
    </form>
    <xsl:if test="payment-search/rows">
      <xsl:choose>
        <xsl:when test="payment-search/rows/payment">
          <table class="data" id="payments-found">
            <caption><xsl:value-of select="$M/adm.results"/></caption>
            <thead><tr>
              <th scope="col"><xsl:value-of select="$M/adm.col.payment"/></th>
              <th scope="col"><xsl:value-of select="$M/adm.col.at"/></th>
              <th scope="col"><xsl:value-of select="$M/adm.col.subscriber"/></th>
              <th scope="col"><xsl:value-of select="$M/adm.col.account"/></th>
              <th scope="col"><xsl:value-of select="$M/adm.col.amount"/></th>
              <th scope="col"><xsl:value-of select="$M/adm.col.state"/></th>
            </tr></thead>
            <tbody>
              <xsl:for-each select="payment-search/rows/payment">
                <tr>
                  <td><a href="/admin/payment?id={@id}"><xsl:value-of select="concat('№ ', @id)"/></a></td>
                  <td><xsl:call-template name="datetime"><xsl:with-param name="v" select="created"/></xsl:call-template></td>
                  <td><xsl:value-of select="login"/></td>
                  <td><xsl:value-of select="accounts"/></td>
                  <td class="num"><xsl:apply-templates select="amount" mode="money"/></td>
                  <td><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('adm.pay.', @status)"/></xsl:call-template></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise><p id="no-results"><xsl:value-of select="$M/adm.no-results"/></p></xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <xsl:template match="page[@section='admin'][@name='payment']" mode="content">
    <xsl:variable name="p" select="payments/payment"/>
    <xsl:variable name="d" select="payment-detail"/>
    <h1><xsl:value-of select="concat($M/adm.title.payment, ' № ', $p/@id)"/></h1>
    <xsl:call-template name="adm-done"/>
    <xsl:call-template name="adm-errors"/>
    <section class="card" id="payment">
      <dl class="facts">
        <dt><xsl:value-of select="$M/adm.col.state"/></dt>
        <dd id="status"><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('adm.pay.', $p/@status)"/></xsl:call-template></dd>
        <dt><xsl:value-of select="$M/adm.col.amount"/></dt><dd id="paid-amount"><xsl:apply-templates select="$p/amount" mode="money"/></dd>
        <dt><xsl:value-of select="$M/adm.refunded"/></dt><dd id="refunded"><xsl:apply-templates select="$p/refunded" mode="money"/></dd>
        <dt><xsl:value-of select="$M/adm.col.at"/></dt><dd><xsl:call-template name="datetime"><xsl:with-param name="v" select="$p/created"/></xsl:call-template></dd>
        <dt><xsl:value-of select="$M/adm.col.subscriber"/></dt><dd><xsl:value-of select="$p/login"/></dd>
        <dt><xsl:value-of select="$M/adm.provider-id"/></dt><dd id="provider-id"><xsl:value-of select="$p/provider-id"/></dd>
      </dl>
      <h2><xsl:value-of select="$M/adm.accounts"/></h2>
      <ul>
        <xsl:for-each select="$d/items/item"><li><xsl:value-of select="number"/></li></xsl:for-each>
      </ul>
      <xsl:if test="$adm-pays">
        <xsl:call-template name="adm-button"><xsl:with-param name="to">/admin/payment/recheck</xsl:with-param><xsl:with-param name="id" select="$p/@id"/><xsl:with-param name="key">recheck</xsl:with-param></xsl:call-template>
      </xsl:if>
    </section>
    <section class="card" id="refunds">
      <h2><xsl:value-of select="$M/adm.refunds"/></h2>
      <xsl:choose>
        <xsl:when test="$d/refunds/refund">
          <ul>
            <xsl:for-each select="$d/refunds/refund">
              <li id="refund-{@id}">
                <xsl:call-template name="datetime"><xsl:with-param name="v" select="created"/></xsl:call-template>
                <xsl:text> · </xsl:text><xsl:apply-templates select="amount" mode="money"/>
                <xsl:text> · </xsl:text><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('adm.refund.', @status)"/></xsl:call-template>
                <xsl:value-of select="concat(' · ', staff, ' · ', reason)"/>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p id="no-refunds"><xsl:value-of select="$M/adm.no-refunds"/></p></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$adm-pays and $p/@status = 'succeeded' and $p/refunded/@minor &lt; $p/amount/@minor">
        <form method="post" action="/admin/payment/refund" class="stacked" id="refund-form">
          <input type="hidden" name="csrf" value="{csrf}"/>
          <input type="hidden" name="id" value="{$p/@id}"/>
          <input type="hidden" name="key" value="{$d/key}"/>
          <xsl:call-template name="adm-field"><xsl:with-param name="name">amount</xsl:with-param><xsl:with-param name="max">20</xsl:with-param></xsl:call-template>
          <xsl:call-template name="adm-field"><xsl:with-param name="name">reason</xsl:with-param><xsl:with-param name="max">300</xsl:with-param></xsl:call-template>
          <label for="password"><xsl:value-of select="$M/adm.f.password-again"/></label>
          <input type="password" id="password" name="password" required="required" maxlength="128" autocomplete="current-password"/>
          <xsl:call-template name="field-error"><xsl:with-param name="name">password</xsl:with-param></xsl:call-template>
          <button type="submit" class="primary" id="refund-submit"><xsl:value-of select="$M/adm.do.refund"/></button>
        </form>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- ============================================================ news -->
  <xsl:template match="page[@section='admin'][@name='news']" mode="content">
    <h1><xsl:value-of select="$M/adm.title.news"/></h1>
    <xsl:call-template name="adm-done"/>
    <xsl:if test="$adm-serves">
      <p><a class="button primary" href="/admin/news/new" id="news-new"><xsl:value-of select="$M/adm.title.news-new"/></a></p>
    </xsl:if>
    <xsl:for-each select="news/item">
      <article class="card news-item" id="news-{@id}">
        <h2><xsl:choose><xsl:when test="$lang = 'en'"><xsl:value-of select="title-en"/></xsl:when><xsl:otherwise><xsl:value-of select="title-ru"/></xsl:otherwise></xsl:choose></h2>
        <p class="meta">
          <xsl:call-template name="datetime"><xsl:with-param name="v" select="publish-at"/></xsl:call-template>
          <xsl:value-of select="concat(' · ', author, ' · ')"/>
          <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('adm.aud.', @audience)"/></xsl:call-template>
          <xsl:if test="@audience != 'all'"><xsl:value-of select="concat(' (', @targets, ')')"/></xsl:if>
          <xsl:text> · </xsl:text>
          <xsl:choose>
            <xsl:when test="sent-at"><xsl:value-of select="$M/adm.news.sent"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$M/adm.news.scheduled"/></xsl:otherwise>
          </xsl:choose>
        </p>
        <p class="news-body"><xsl:choose><xsl:when test="$lang = 'en'"><xsl:value-of select="body-en"/></xsl:when><xsl:otherwise><xsl:value-of select="body-ru"/></xsl:otherwise></xsl:choose></p>
      </article>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="page[@section='admin'][@name='news-new']" mode="content">
    <h1><xsl:value-of select="$M/adm.title.news-new"/></h1>
    <xsl:call-template name="adm-errors"/>
    <form method="post" action="/admin/news/new" class="stacked card" id="news-form">
      <input type="hidden" name="csrf" value="{csrf}"/>
      <label for="org"><xsl:value-of select="$M/adm.f.org"/></label>
      <select id="org" name="org">
        <xsl:for-each select="staff/org">
          <option value="{@id}"><xsl:if test="@id = /page/typed[@name='org']"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="."/></option>
        </xsl:for-each>
      </select>
      <xsl:call-template name="field-error"><xsl:with-param name="name">org</xsl:with-param></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">title_ru</xsl:with-param></xsl:call-template>
      <label for="body_ru"><xsl:value-of select="$M/adm.f.body_ru"/></label>
      <textarea id="body_ru" name="body_ru" required="required" maxlength="4000" rows="5"><xsl:value-of select="/page/typed[@name='body_ru']"/></textarea>
      <xsl:call-template name="field-error"><xsl:with-param name="name">body_ru</xsl:with-param></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">title_en</xsl:with-param></xsl:call-template>
      <label for="body_en"><xsl:value-of select="$M/adm.f.body_en"/></label>
      <textarea id="body_en" name="body_en" required="required" maxlength="4000" rows="5"><xsl:value-of select="/page/typed[@name='body_en']"/></textarea>
      <xsl:call-template name="field-error"><xsl:with-param name="name">body_en</xsl:with-param></xsl:call-template>
      <fieldset>
        <legend><xsl:value-of select="$M/adm.f.audience"/></legend>
        <xsl:variable name="chosen" select="/page/typed[@name='audience']"/>
        <xsl:for-each select="exsl:node-set($adm-audiences)/a" xmlns:exsl="http://exslt.org/common">
          <label class="choice" for="audience-{.}">
            <input type="radio" id="audience-{.}" name="audience" value="{.}">
              <xsl:if test=". = $chosen or (not($chosen) and . = 'all')"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
            </input>
            <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('adm.aud.', .)"/></xsl:call-template>
          </label>
        </xsl:for-each>
      </fieldset>
      <label for="targets"><xsl:value-of select="$M/adm.f.targets"/></label>
      <textarea id="targets" name="targets" maxlength="4000" rows="4" aria-describedby="targets-hint"><xsl:value-of select="/page/typed[@name='targets']"/></textarea>
      <p class="hint" id="targets-hint"><xsl:value-of select="$M/adm.targets-hint"/></p>
      <xsl:call-template name="field-error"><xsl:with-param name="name">targets</xsl:with-param></xsl:call-template>
      <label for="publish_at"><xsl:value-of select="$M/adm.f.publish_at"/></label>
      <input type="datetime-local" id="publish_at" name="publish_at" value="{/page/typed[@name='publish_at']}" aria-describedby="publish-hint">
        <xsl:if test="/page/error[@field = 'publish_at']"><xsl:attribute name="type">text</xsl:attribute></xsl:if>
      </input>
      <p class="hint" id="publish-hint"><xsl:value-of select="$M/adm.publish-hint"/></p>
      <xsl:call-template name="field-error"><xsl:with-param name="name">publish_at</xsl:with-param></xsl:call-template>
      <button type="submit" class="primary" id="news-submit"><xsl:value-of select="$M/adm.publish"/></button>
    </form>
  </xsl:template>

  <xsl:variable name="adm-audiences"><a>all</a><a>addresses</a><a>accounts</a></xsl:variable>

  <!-- ============================================================ appeal topics -->
  <xsl:template match="page[@section='admin'][@name='topics']" mode="content">
    <xsl:variable name="t" select="topics"/>
    <h1><xsl:value-of select="concat($M/adm.title.topics, ': ', staff/org[@id = $t/@org])"/></h1>
    <xsl:if test="count(staff/org) &gt; 1">
      <nav aria-label="{$M/adm.f.org}"><ul class="org-switch">
        <xsl:for-each select="staff/org"><li><a href="/admin/topics?org={@id}"><xsl:if test="@id = $t/@org"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if><xsl:value-of select="."/></a></li></xsl:for-each>
      </ul></nav>
    </xsl:if>
    <p><a href="/admin/appeals"><xsl:value-of select="$M/adm.title.appeals"/></a></p>
    <xsl:call-template name="adm-done"/>
    <xsl:call-template name="adm-errors"/>
    <!-- The new topic's form first: what a refused one was typed with is the first
         name_ru on the page, and the list below may be long. -->
    <xsl:if test="$adm-serves">
      <form method="post" action="/admin/topics/add" class="stacked card" id="topic-form">
        <h2><xsl:value-of select="$M/adm.topic.add"/></h2>
        <input type="hidden" name="csrf" value="{/page/csrf}"/>
        <input type="hidden" name="org" value="{$t/@org}"/>
        <xsl:call-template name="adm-field"><xsl:with-param name="name">name_ru</xsl:with-param><xsl:with-param name="max">100</xsl:with-param></xsl:call-template>
        <xsl:call-template name="adm-field"><xsl:with-param name="name">name_en</xsl:with-param><xsl:with-param name="max">100</xsl:with-param></xsl:call-template>
        <xsl:call-template name="adm-field"><xsl:with-param name="name">topic_code</xsl:with-param><xsl:with-param name="max">20</xsl:with-param></xsl:call-template>
        <label for="form"><xsl:value-of select="$M/adm.f.form"/></label>
        <select id="form" name="form">
          <option value=""><xsl:value-of select="$M/adm.topic.plain"/></option>
          <xsl:for-each select="$t/form">
            <option value="{.}">
              <xsl:if test="/page/typed[@name='form'] = ."><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('adm.topic.form.', .)"/></xsl:call-template>
            </option>
          </xsl:for-each>
        </select>
        <xsl:call-template name="field-error"><xsl:with-param name="name">form</xsl:with-param></xsl:call-template>
        <button type="submit" class="secondary" id="topic-submit"><xsl:value-of select="$M/adm.topic.add"/></button>
      </form>
    </xsl:if>
    <ul class="plain-list" id="topics">
      <xsl:for-each select="$t/topic">
        <li id="topic-{@id}">
          <xsl:if test="not(@active)"><xsl:attribute name="class">retired</xsl:attribute></xsl:if>
          <strong><xsl:value-of select="name-ru"/></strong> / <xsl:value-of select="name-en"/>
          <xsl:if test="@form"><span class="badge"><xsl:value-of select="$M/adm.topic.request"/></span></xsl:if>
          <xsl:if test="not(@active)"><span class="badge"><xsl:value-of select="$M/adm.topic.retired"/></span></xsl:if>
          <xsl:if test="$adm-serves">
            <details>
              <summary><xsl:value-of select="$M/adm.topic.rename"/></summary>
              <form method="post" action="/admin/topics/rename" class="stacked" id="rename-{@id}">
                <input type="hidden" name="csrf" value="{/page/csrf}"/>
                <input type="hidden" name="org" value="{$t/@org}"/>
                <input type="hidden" name="id" value="{@id}"/>
                <label for="name_ru-{@id}"><xsl:value-of select="$M/adm.f.name_ru"/></label>
                <input type="text" id="name_ru-{@id}" name="name_ru" maxlength="100" required="required" value="{name-ru}"/>
                <label for="name_en-{@id}"><xsl:value-of select="$M/adm.f.name_en"/></label>
                <input type="text" id="name_en-{@id}" name="name_en" maxlength="100" required="required" value="{name-en}"/>
                <button type="submit" class="secondary" id="rename-submit-{@id}"><xsl:value-of select="$M/adm.save"/></button>
              </form>
            </details>
            <form method="post" action="/admin/topics/active" class="inline">
              <input type="hidden" name="csrf" value="{/page/csrf}"/>
              <input type="hidden" name="org" value="{$t/@org}"/>
              <input type="hidden" name="id" value="{@id}"/>
              <input type="hidden" name="active">
                <xsl:attribute name="value"><xsl:choose><xsl:when test="@active">0</xsl:when><xsl:otherwise>1</xsl:otherwise></xsl:choose></xsl:attribute>
              </input>
              <button type="submit" class="link-button" id="active-{@id}">
                <xsl:choose>
                  <xsl:when test="@active"><xsl:value-of select="$M/adm.topic.retire"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="$M/adm.topic.restore"/></xsl:otherwise>
                </xsl:choose>
                <span class="visually-hidden"><xsl:value-of select="concat(' ', name-ru)"/></span>
              </button>
            </form>
          </xsl:if>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- ============================================================ help -->
  <!-- The contacts page's help of one organization: questions, blank forms, rules. -->
  <xsl:template name="adm-textarea">
    <xsl:param name="name"/>
    <xsl:param name="max">4000</xsl:param>
    <xsl:param name="stored"/>
    <xsl:param name="required" select="true()"/>
    <label for="{$name}"><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('adm.f.', $name)"/></xsl:call-template></label>
    <textarea id="{$name}" name="{$name}" maxlength="{$max}" rows="5">
      <xsl:if test="$required"><xsl:attribute name="required">required</xsl:attribute></xsl:if>
      <xsl:choose>
        <xsl:when test="/page/typed[@name = $name]"><xsl:value-of select="/page/typed[@name = $name]"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$stored"/></xsl:otherwise>
      </xsl:choose>
    </textarea>
    <xsl:call-template name="field-error"><xsl:with-param name="name" select="$name"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@section='admin'][@name='help']" mode="content">
    <xsl:variable name="h" select="help"/>
    <xsl:variable name="may" select="/page/nav/@role = 'admin' or /page/nav/@role = 'operator'"/>
    <h1><xsl:value-of select="concat($M/adm.title.help, ': ', staff/org[@id = $h/@org])"/></h1>
    <xsl:if test="count(staff/org) &gt; 1">
      <nav aria-label="{$M/adm.f.org}"><ul class="org-switch">
        <xsl:for-each select="staff/org"><li><a href="/admin/help?org={@id}"><xsl:if test="@id = $h/@org"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if><xsl:value-of select="."/></a></li></xsl:for-each>
      </ul></nav>
    </xsl:if>
    <p><a href="/contacts?id={$h/@org}"><xsl:value-of select="$M/adm.help.see"/></a></p>
    <xsl:call-template name="adm-done"/>
    <xsl:call-template name="adm-errors"/>

    <section class="card" id="questions">
      <h2><xsl:value-of select="$M/adm.help.questions"/></h2>
      <xsl:choose>
        <xsl:when test="$h/question">
          <ul class="plain-list">
            <xsl:for-each select="$h/question">
              <li id="question-{@id}">
                <strong><xsl:value-of select="q-ru"/></strong> / <xsl:value-of select="q-en"/>
                <p class="pre-line"><xsl:value-of select="a-ru"/></p>
                <xsl:if test="$may">
                  <form method="post" action="/admin/help/question/delete" class="inline">
                    <input type="hidden" name="csrf" value="{/page/csrf}"/>
                    <input type="hidden" name="org" value="{$h/@org}"/>
                    <input type="hidden" name="id" value="{@id}"/>
                    <button type="submit" class="link-button" id="delete-question-{@id}"><xsl:value-of select="$M/adm.do.delete"/><span class="visually-hidden"><xsl:value-of select="concat(' ', q-ru)"/></span></button>
                  </form>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p id="no-questions"><xsl:value-of select="$M/adm.help.none"/></p></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$may">
        <form method="post" action="/admin/help/question" class="stacked" id="question-form">
          <input type="hidden" name="csrf" value="{/page/csrf}"/>
          <input type="hidden" name="org" value="{$h/@org}"/>
          <xsl:call-template name="adm-field"><xsl:with-param name="name">question_ru</xsl:with-param><xsl:with-param name="max">300</xsl:with-param></xsl:call-template>
          <xsl:call-template name="adm-textarea"><xsl:with-param name="name">answer_ru</xsl:with-param></xsl:call-template>
          <xsl:call-template name="adm-field"><xsl:with-param name="name">question_en</xsl:with-param><xsl:with-param name="max">300</xsl:with-param></xsl:call-template>
          <xsl:call-template name="adm-textarea"><xsl:with-param name="name">answer_en</xsl:with-param></xsl:call-template>
          <button type="submit" class="secondary" id="question-submit"><xsl:value-of select="$M/adm.help.add-question"/></button>
        </form>
      </xsl:if>
    </section>

    <section class="card" id="forms">
      <h2><xsl:value-of select="$M/adm.help.forms"/></h2>
      <xsl:choose>
        <xsl:when test="$h/form">
          <ul class="plain-list">
            <xsl:for-each select="$h/form">
              <li id="form-{@id}">
                <a href="/contacts/form?id={@id}"><xsl:value-of select="title-ru"/></a>
                <xsl:value-of select="concat(' / ', title-en, ' (PDF, ', ceiling(@size div 1024), ' ', $M/adm.help.kb, ')')"/>
                <xsl:if test="$may">
                  <form method="post" action="/admin/help/form/delete" class="inline">
                    <input type="hidden" name="csrf" value="{/page/csrf}"/>
                    <input type="hidden" name="org" value="{$h/@org}"/>
                    <input type="hidden" name="id" value="{@id}"/>
                    <button type="submit" class="link-button" id="delete-form-{@id}"><xsl:value-of select="$M/adm.do.delete"/><span class="visually-hidden"><xsl:value-of select="concat(' ', title-ru)"/></span></button>
                  </form>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p id="no-forms"><xsl:value-of select="$M/adm.help.none"/></p></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$may">
        <!-- The fields come before the file: the program reads them as they arrive. -->
        <form method="post" action="/admin/help/form" enctype="multipart/form-data" class="stacked" id="form-form">
          <input type="hidden" name="csrf" value="{/page/csrf}"/>
          <input type="hidden" name="org" value="{$h/@org}"/>
          <xsl:call-template name="adm-field"><xsl:with-param name="name">title_ru</xsl:with-param></xsl:call-template>
          <xsl:call-template name="adm-field"><xsl:with-param name="name">title_en</xsl:with-param></xsl:call-template>
          <label for="file"><xsl:value-of select="$M/adm.help.file"/></label>
          <input type="file" id="file" name="file" accept="application/pdf" required="required"/>
          <xsl:call-template name="field-error"><xsl:with-param name="name">file</xsl:with-param></xsl:call-template>
          <button type="submit" class="secondary" id="form-submit"><xsl:value-of select="$M/adm.help.add-form"/></button>
        </form>
      </xsl:if>
    </section>

    <section class="card" id="rules">
      <h2><xsl:value-of select="$M/adm.help.rules"/></h2>
      <xsl:choose>
        <xsl:when test="$may">
          <form method="post" action="/admin/help/rules" class="stacked" id="rules-form">
            <input type="hidden" name="csrf" value="{/page/csrf}"/>
            <input type="hidden" name="org" value="{$h/@org}"/>
            <xsl:call-template name="adm-textarea"><xsl:with-param name="name">rules_ru</xsl:with-param><xsl:with-param name="max">20000</xsl:with-param><xsl:with-param name="stored" select="$h/rules-ru"/><xsl:with-param name="required" select="false()"/></xsl:call-template>
            <xsl:call-template name="adm-textarea"><xsl:with-param name="name">rules_en</xsl:with-param><xsl:with-param name="max">20000</xsl:with-param><xsl:with-param name="stored" select="$h/rules-en"/><xsl:with-param name="required" select="false()"/></xsl:call-template>
            <button type="submit" class="secondary" id="rules-submit"><xsl:value-of select="$M/adm.save"/></button>
          </form>
        </xsl:when>
        <xsl:otherwise><p class="pre-line"><xsl:value-of select="$h/rules-ru"/></p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ============================================================ organization -->
  <xsl:template match="page[@section='admin'][@name='organization']" mode="content">
    <xsl:variable name="o" select="organization"/>
    <h1><xsl:value-of select="concat($M/adm.title.organization, ': ', $o/name)"/></h1>
    <xsl:if test="count(staff/org) &gt; 1">
      <nav aria-label="{$M/adm.f.org}"><ul class="org-switch">
        <xsl:for-each select="staff/org"><li><a href="/admin/organization?org={@id}"><xsl:if test="@id = $o/@id"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if><xsl:value-of select="."/></a></li></xsl:for-each>
      </ul></nav>
    </xsl:if>
    <xsl:call-template name="adm-done"/>
    <xsl:call-template name="adm-errors"/>
    <form method="post" action="/admin/organization?org={$o/@id}" class="stacked card" id="organization-form">
      <input type="hidden" name="csrf" value="{csrf}"/>
      <!-- A POST reads its body only: the organization goes in it, not just in the URL. -->
      <input type="hidden" name="org" value="{$o/@id}"/>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">name</xsl:with-param><xsl:with-param name="stored" select="$o/name"/></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">short_name</xsl:with-param><xsl:with-param name="stored" select="$o/short_name"/><xsl:with-param name="max">60</xsl:with-param><xsl:with-param name="required" select="false()"/></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">inn</xsl:with-param><xsl:with-param name="stored" select="$o/inn"/><xsl:with-param name="max">12</xsl:with-param></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">kpp</xsl:with-param><xsl:with-param name="stored" select="$o/kpp"/><xsl:with-param name="max">9</xsl:with-param><xsl:with-param name="required" select="false()"/></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">address</xsl:with-param><xsl:with-param name="stored" select="$o/address"/><xsl:with-param name="max">300</xsl:with-param></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">phones</xsl:with-param><xsl:with-param name="stored" select="$o/phones"/><xsl:with-param name="max">100</xsl:with-param></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">email</xsl:with-param><xsl:with-param name="stored" select="$o/email"/><xsl:with-param name="type">email</xsl:with-param><xsl:with-param name="max">254</xsl:with-param></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">website</xsl:with-param><xsl:with-param name="stored" select="$o/website"/><xsl:with-param name="required" select="false()"/></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">bank_name</xsl:with-param><xsl:with-param name="stored" select="$o/bank_name"/></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">bic</xsl:with-param><xsl:with-param name="stored" select="$o/bic"/><xsl:with-param name="max">9</xsl:with-param></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">bank_account</xsl:with-param><xsl:with-param name="stored" select="$o/bank_account"/><xsl:with-param name="max">20</xsl:with-param></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">corr_account</xsl:with-param><xsl:with-param name="stored" select="$o/corr_account"/><xsl:with-param name="max">20</xsl:with-param><xsl:with-param name="required" select="false()"/></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">receipt_note</xsl:with-param><xsl:with-param name="stored" select="$o/receipt_note"/><xsl:with-param name="max">1000</xsl:with-param><xsl:with-param name="required" select="false()"/></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">time_zone</xsl:with-param><xsl:with-param name="stored" select="$o/time_zone"/><xsl:with-param name="max">64</xsl:with-param></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">readings_from</xsl:with-param><xsl:with-param name="stored" select="$o/readings_from"/><xsl:with-param name="type">number</xsl:with-param><xsl:with-param name="max">2</xsl:with-param></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">readings_to</xsl:with-param><xsl:with-param name="stored" select="$o/readings_to"/><xsl:with-param name="type">number</xsl:with-param><xsl:with-param name="max">2</xsl:with-param></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">pay_by_day</xsl:with-param><xsl:with-param name="stored" select="$o/pay_by_day"/><xsl:with-param name="type">number</xsl:with-param><xsl:with-param name="max">2</xsl:with-param></xsl:call-template>
      <!-- What a tariff version that does not say (a file's empty month_days) follows. -->
      <label for="month_days_x10"><xsl:value-of select="$M/adm.f.month_days_x10"/></label>
      <select id="month_days_x10" name="month_days_x10">
        <xsl:variable name="md">
          <xsl:choose>
            <xsl:when test="/page/typed[@name = 'month_days_x10']"><xsl:value-of select="/page/typed[@name = 'month_days_x10']"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$o/month_days_x10"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <option value="0"><xsl:if test="$md = '0'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="$M/adm.month-days.own"/></option>
        <option value="305"><xsl:if test="$md = '305'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if><xsl:value-of select="$M/adm.month-days.305"/></option>
      </select>
      <xsl:call-template name="field-error"><xsl:with-param name="name">month_days_x10</xsl:with-param></xsl:call-template>
      <!-- The promised payment's rule (an internet line suspended for debt). -->
      <fieldset id="promise-rule">
        <legend><xsl:value-of select="$M/adm.promise"/></legend>
        <p class="hint" id="promise-hint"><xsl:value-of select="$M/adm.promise.hint"/></p>
        <label for="promise_days"><xsl:value-of select="$M/adm.f.promise_days"/></label>
        <input type="number" id="promise_days" name="promise_days" min="0" max="30" required="required" aria-describedby="promise-hint">
          <xsl:if test="/page/error[@field = 'promise_days']"><xsl:attribute name="type">text</xsl:attribute></xsl:if>
          <xsl:attribute name="value"><xsl:call-template name="value"><xsl:with-param name="name">promise_days</xsl:with-param><xsl:with-param name="stored" select="$o/promise_days"/></xsl:call-template></xsl:attribute>
        </input>
        <xsl:call-template name="field-error"><xsl:with-param name="name">promise_days</xsl:with-param></xsl:call-template>
        <label for="promise_limit"><xsl:value-of select="$M/adm.f.promise_limit"/></label>
        <input type="text" id="promise_limit" name="promise_limit" inputmode="decimal" maxlength="24" required="required">
          <xsl:attribute name="value"><xsl:call-template name="value"><xsl:with-param name="name">promise_limit</xsl:with-param><xsl:with-param name="stored" select="$o/promise_limit"/></xsl:call-template></xsl:attribute>
        </input>
        <xsl:call-template name="field-error"><xsl:with-param name="name">promise_limit</xsl:with-param></xsl:call-template>
      </fieldset>
      <label for="password"><xsl:value-of select="$M/adm.f.password-again"/></label>
      <input type="password" id="password" name="password" required="required" maxlength="128" autocomplete="current-password"/>
      <xsl:call-template name="field-error"><xsl:with-param name="name">password</xsl:with-param></xsl:call-template>
      <button type="submit" class="primary" id="organization-submit"><xsl:value-of select="$M/adm.save"/></button>
    </form>
    <section class="card" id="offices">
      <h2><xsl:value-of select="$M/adm.offices"/></h2>
      <xsl:choose>
        <xsl:when test="offices/office">
          <ul>
            <xsl:for-each select="offices/office">
              <li id="office-{@id}">
                <xsl:value-of select="concat(address, ' · ', hours)"/>
                <xsl:if test="phone"><xsl:value-of select="concat(' · ', phone)"/></xsl:if>
                <xsl:if test="email"><xsl:value-of select="concat(' · ', email)"/></xsl:if>
                <xsl:if test="serves"><xsl:value-of select="concat(' · ', $M/adm.office-serves, ' ', serves, '…')"/></xsl:if>
                <xsl:text> </xsl:text>
                <xsl:if test="/page/nav/@role = 'admin'">
                  <form method="post" action="/admin/organization/office/delete" class="inline">
                    <input type="hidden" name="csrf" value="{/page/csrf}"/>
                    <input type="hidden" name="org" value="{$o/@id}"/>
                    <input type="hidden" name="office" value="{@id}"/>
                    <button type="submit" class="link-button" id="delete-office-{@id}"><xsl:value-of select="$M/adm.do.delete"/><span class="visually-hidden"><xsl:value-of select="concat(' ', address)"/></span></button>
                  </form>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p id="no-offices"><xsl:value-of select="$M/adm.no-offices"/></p></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="/page/nav/@role = 'admin'">
        <form method="post" action="/admin/organization/office" class="stacked" id="office-form">
          <input type="hidden" name="csrf" value="{csrf}"/>
          <input type="hidden" name="org" value="{$o/@id}"/>
          <xsl:call-template name="adm-field"><xsl:with-param name="name">office_address</xsl:with-param><xsl:with-param name="max">300</xsl:with-param></xsl:call-template>
          <xsl:call-template name="adm-field"><xsl:with-param name="name">office_hours</xsl:with-param></xsl:call-template>
          <xsl:call-template name="adm-field"><xsl:with-param name="name">office_phone</xsl:with-param><xsl:with-param name="max">100</xsl:with-param><xsl:with-param name="required" select="false()"/></xsl:call-template>
          <xsl:call-template name="adm-field"><xsl:with-param name="name">office_email</xsl:with-param><xsl:with-param name="type">email</xsl:with-param><xsl:with-param name="max">254</xsl:with-param><xsl:with-param name="required" select="false()"/></xsl:call-template>
          <xsl:call-template name="adm-field"><xsl:with-param name="name">office_serves</xsl:with-param><xsl:with-param name="required" select="false()"/></xsl:call-template>
          <button type="submit" class="secondary" id="office-submit"><xsl:value-of select="$M/adm.do.add-office"/></button>
        </form>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- ============================================================ staff -->
  <xsl:template match="page[@section='admin'][@name='staff']" mode="content">
    <h1><xsl:value-of select="$M/adm.title.staff"/></h1>
    <xsl:call-template name="adm-done"/>
    <p><a class="button primary" href="/admin/staff/new" id="staff-new"><xsl:value-of select="$M/adm.title.staff-new"/></a></p>
    <table class="data" id="members">
      <caption class="visually-hidden"><xsl:value-of select="$M/adm.title.staff"/></caption>
      <thead><tr>
        <th scope="col"><xsl:value-of select="$M/adm.f.login"/></th>
        <th scope="col"><xsl:value-of select="$M/adm.f.full_name"/></th>
        <th scope="col"><xsl:value-of select="$M/adm.f.role"/></th>
        <th scope="col"><xsl:value-of select="$M/adm.orgs"/></th>
        <th scope="col"><xsl:value-of select="$M/adm.state"/></th>
      </tr></thead>
      <tbody>
        <xsl:for-each select="members/member">
          <tr id="member-{@id}">
            <td><a href="/admin/staff/member?id={@id}"><xsl:value-of select="login"/></a></td>
            <td><xsl:value-of select="full-name"/></td>
            <td><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('adm.role.', @role)"/></xsl:call-template></td>
            <td><xsl:value-of select="@orgs"/></td>
            <td>
              <xsl:choose><xsl:when test="@active = '1'"><xsl:value-of select="$M/adm.active"/></xsl:when><xsl:otherwise><xsl:value-of select="$M/adm.disabled"/></xsl:otherwise></xsl:choose>
              <xsl:value-of select="', '"/>
              <xsl:choose><xsl:when test="@enrolled = '1'"><xsl:value-of select="$M/adm.enrolled"/></xsl:when><xsl:otherwise><xsl:value-of select="$M/adm.not-enrolled"/></xsl:otherwise></xsl:choose>
            </td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>

  <xsl:template match="page[@section='admin'][@name='member']" mode="content">
    <xsl:variable name="m" select="member"/>
    <h1><xsl:value-of select="concat($m/login, ' — ', $m/full-name)"/></h1>
    <p><a href="/admin/staff"><xsl:value-of select="$M/adm.title.staff"/></a></p>
    <xsl:call-template name="adm-done"/>
    <xsl:call-template name="adm-errors"/>
    <section class="card" id="member">
      <p>
        <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('adm.role.', $m/@role)"/></xsl:call-template>
        <xsl:value-of select="' · '"/>
        <xsl:choose><xsl:when test="$m/@active = '1'"><xsl:value-of select="$M/adm.active"/></xsl:when><xsl:otherwise><xsl:value-of select="$M/adm.disabled"/></xsl:otherwise></xsl:choose>
        <xsl:value-of select="' · '"/>
        <xsl:choose><xsl:when test="$m/@enrolled = '1'"><xsl:value-of select="$M/adm.enrolled"/></xsl:when><xsl:otherwise><xsl:value-of select="$M/adm.not-enrolled"/></xsl:otherwise></xsl:choose>
      </p>
      <xsl:if test="not($m/@me)">
        <form method="post" action="/admin/staff/role" class="stacked" id="role-form">
          <input type="hidden" name="csrf" value="{csrf}"/>
          <input type="hidden" name="id" value="{$m/@id}"/>
          <label for="role"><xsl:value-of select="$M/adm.f.role"/></label>
          <select id="role" name="role">
            <xsl:call-template name="adm-role-options"><xsl:with-param name="current" select="$m/@role"/></xsl:call-template>
          </select>
          <xsl:call-template name="field-error"><xsl:with-param name="name">role</xsl:with-param></xsl:call-template>
          <label for="password"><xsl:value-of select="$M/adm.f.password-again"/></label>
          <input type="password" id="password" name="password" required="required" maxlength="128" autocomplete="current-password"/>
          <xsl:call-template name="field-error"><xsl:with-param name="name">password</xsl:with-param></xsl:call-template>
          <button type="submit" class="secondary" id="role-submit"><xsl:value-of select="$M/adm.do.role"/></button>
        </form>
        <div class="actions">
          <xsl:choose>
            <xsl:when test="$m/@active = '1'"><xsl:call-template name="adm-button"><xsl:with-param name="to">/admin/staff/disable</xsl:with-param><xsl:with-param name="id" select="$m/@id"/><xsl:with-param name="key">disable</xsl:with-param></xsl:call-template></xsl:when>
            <xsl:otherwise><xsl:call-template name="adm-button"><xsl:with-param name="to">/admin/staff/enable</xsl:with-param><xsl:with-param name="id" select="$m/@id"/><xsl:with-param name="key">enable</xsl:with-param></xsl:call-template></xsl:otherwise>
          </xsl:choose>
          <xsl:call-template name="adm-button"><xsl:with-param name="to">/admin/staff/reset-factor</xsl:with-param><xsl:with-param name="id" select="$m/@id"/><xsl:with-param name="key">reset-factor</xsl:with-param></xsl:call-template>
        </div>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template name="adm-role-options">
    <xsl:param name="current"/>
    <xsl:for-each select="exsl:node-set($adm-roles)/r" xmlns:exsl="http://exslt.org/common">
      <option value="{.}">
        <xsl:if test=". = $current"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
        <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('adm.role.', .)"/></xsl:call-template>
      </option>
    </xsl:for-each>
  </xsl:template>

  <xsl:variable name="adm-roles"><r>admin</r><r>operator</r><r>accountant</r><r>viewer</r></xsl:variable>

  <xsl:template match="page[@section='admin'][@name='staff-new']" mode="content">
    <h1><xsl:value-of select="$M/adm.title.staff-new"/></h1>
    <xsl:call-template name="adm-errors"/>
    <form method="post" action="/admin/staff/new" class="stacked card" id="staff-form">
      <input type="hidden" name="csrf" value="{csrf}"/>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">login</xsl:with-param><xsl:with-param name="max">64</xsl:with-param></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">full_name</xsl:with-param></xsl:call-template>
      <label for="role"><xsl:value-of select="$M/adm.f.role"/></label>
      <select id="role" name="role">
        <xsl:call-template name="adm-role-options"><xsl:with-param name="current" select="/page/typed[@name='role']"/></xsl:call-template>
      </select>
      <xsl:call-template name="field-error"><xsl:with-param name="name">role</xsl:with-param></xsl:call-template>
      <fieldset>
        <legend><xsl:value-of select="$M/adm.orgs"/></legend>
        <xsl:for-each select="staff/org">
          <label class="choice" for="org-{@id}"><input type="checkbox" id="org-{@id}" name="org" value="{@id}"/><xsl:value-of select="."/></label>
        </xsl:for-each>
      </fieldset>
      <xsl:call-template name="field-error"><xsl:with-param name="name">org</xsl:with-param></xsl:call-template>
      <label for="new_password"><xsl:value-of select="$M/adm.f.new_password"/></label>
      <input type="password" id="new_password" name="new_password" required="required" maxlength="128" autocomplete="new-password" aria-describedby="new-password-hint"/>
      <p class="hint" id="new-password-hint"><xsl:value-of select="$M/adm.new-password-hint"/></p>
      <xsl:call-template name="field-error"><xsl:with-param name="name">new_password</xsl:with-param></xsl:call-template>
      <button type="submit" class="primary" id="staff-submit"><xsl:value-of select="$M/adm.create"/></button>
    </form>
  </xsl:template>

  <!-- ============================================================ audit -->
  <xsl:template match="page[@section='admin'][@name='audit']" mode="content">
    <h1><xsl:value-of select="$M/adm.title.audit"/></h1>
    <xsl:call-template name="adm-errors"/>
    <form method="get" action="/admin/audit" class="filters card" id="audit-filter">
      <xsl:call-template name="adm-field"><xsl:with-param name="name">staff</xsl:with-param><xsl:with-param name="required" select="false()"/><xsl:with-param name="max">64</xsl:with-param></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">action</xsl:with-param><xsl:with-param name="required" select="false()"/><xsl:with-param name="max">32</xsl:with-param></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">object</xsl:with-param><xsl:with-param name="required" select="false()"/><xsl:with-param name="max">16</xsl:with-param></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">object_id</xsl:with-param><xsl:with-param name="required" select="false()"/><xsl:with-param name="max">64</xsl:with-param></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">from</xsl:with-param><xsl:with-param name="required" select="false()"/><xsl:with-param name="type">date</xsl:with-param><xsl:with-param name="max">10</xsl:with-param></xsl:call-template>
      <xsl:call-template name="adm-field"><xsl:with-param name="name">to</xsl:with-param><xsl:with-param name="required" select="false()"/><xsl:with-param name="type">date</xsl:with-param><xsl:with-param name="max">10</xsl:with-param></xsl:call-template>
      <button type="submit" class="primary" id="audit-submit"><xsl:value-of select="$M/adm.filter"/></button>
    </form>
    <xsl:variable name="q" select="concat('staff=', typed[@name='staff'], '&amp;action=', typed[@name='action'], '&amp;object=', typed[@name='object'], '&amp;object_id=', typed[@name='object_id'], '&amp;from=', typed[@name='from'], '&amp;to=', typed[@name='to'])"/>
    <p class="downloads no-print" id="downloads"><xsl:value-of select="concat($M/dl.label, ': ')"/><a href="/admin/audit?{$q}&amp;format=csv" type="text/csv" id="download-csv">CSV</a></p>
    <xsl:choose>
      <xsl:when test="audit/entry">
        <table class="data" id="audit-log">
          <caption class="visually-hidden"><xsl:value-of select="$M/adm.title.audit"/></caption>
          <thead><tr>
            <th scope="col"><xsl:value-of select="$M/adm.col.at"/></th>
            <th scope="col"><xsl:value-of select="$M/adm.col.who"/></th>
            <th scope="col"><xsl:value-of select="$M/adm.col.action"/></th>
            <th scope="col"><xsl:value-of select="$M/adm.col.object"/></th>
            <th scope="col"><xsl:value-of select="$M/adm.col.change"/></th>
          </tr></thead>
          <tbody>
            <xsl:for-each select="audit/entry">
              <tr id="entry-{@id}">
                <td><xsl:call-template name="datetime"><xsl:with-param name="v" select="at"/></xsl:call-template></td>
                <td><xsl:value-of select="concat(staff, ' (', ip, ')')"/></td>
                <td class="action"><xsl:value-of select="action"/></td>
                <td><xsl:value-of select="concat(object, ' ', object-id)"/></td>
                <td><xsl:if test="before"><del><xsl:value-of select="before"/></del><xsl:text> </xsl:text></xsl:if><xsl:if test="after"><ins><xsl:value-of select="after"/></ins></xsl:if></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        <xsl:if test="audit/@older">
          <p><a id="older" href="/admin/audit?{$q}&amp;before={audit/@older}"><xsl:value-of select="$M/adm.older"/></a></p>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise><p id="no-entries"><xsl:value-of select="$M/adm.no-entries"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
