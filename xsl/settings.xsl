<?xml version="1.0" encoding="UTF-8"?>
<!-- settings.xsl: personal data, notifications, e-receipts, language, password, e-mail, sessions. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="page[@section='settings']" mode="title">
    <xsl:choose>
      <xsl:when test="@name = 'password'"><xsl:value-of select="$M/password.title"/></xsl:when>
      <xsl:when test="@name = 'email'"><xsl:value-of select="$M/email.title"/></xsl:when>
      <xsl:when test="@name = 'sessions'"><xsl:value-of select="$M/sessions.title"/></xsl:when>
      <xsl:when test="@name = 'two-factor' or @name = 'two-factor-enrol'"><xsl:value-of select="$M/tf.title"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$M/settings.title"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="settings-errors">
    <xsl:call-template name="form-errors"/>
    <xsl:if test="/page/error[@field]">
      <p class="alert" role="alert" id="form-error"><xsl:value-of select="$M/error.form-invalid"/></p>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ the page -->
  <xsl:template match="page[@section='settings'][@name='main']" mode="content">
    <xsl:variable name="p" select="profile"/>
    <h1><xsl:value-of select="$M/settings.title"/></h1>
    <xsl:if test="done">
      <p class="notice" role="status" id="done">
        <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('settings.done.', done)"/></xsl:call-template>
      </p>
    </xsl:if>
    <xsl:call-template name="settings-errors"/>

    <section class="card" id="profile">
      <h2><xsl:value-of select="$M/settings.profile"/></h2>
      <form method="post" action="/settings/profile" class="stacked" id="profile-form">
        <input type="hidden" name="csrf" value="{csrf}"/>
        <p><xsl:value-of select="concat($M/settings.login, ': ')"/><strong id="login"><xsl:value-of select="$p/login"/></strong></p>
        <label for="full_name"><xsl:value-of select="$M/settings.full-name"/></label>
        <input type="text" id="full_name" name="full_name" required="required" maxlength="200" autocomplete="name">
          <xsl:attribute name="value"><xsl:call-template name="value"><xsl:with-param name="name">full_name</xsl:with-param><xsl:with-param name="stored" select="$p/full-name"/></xsl:call-template></xsl:attribute>
        </input>
        <xsl:call-template name="field-error"><xsl:with-param name="name">full_name</xsl:with-param></xsl:call-template>

        <label for="mobile"><xsl:value-of select="$M/settings.mobile"/></label>
        <input type="tel" id="mobile" name="mobile" maxlength="24" autocomplete="tel" aria-describedby="mobile-hint">
          <xsl:attribute name="value"><xsl:call-template name="value"><xsl:with-param name="name">mobile</xsl:with-param><xsl:with-param name="stored" select="$p/phone"/></xsl:call-template></xsl:attribute>
        </input>
        <p class="hint" id="mobile-hint"><xsl:value-of select="$M/settings.mobile-hint"/></p>
        <xsl:if test="$p/pending-mobile">
          <p class="notice" id="pending-mobile">
            <xsl:value-of select="concat($M/settings.pending-mobile, ' ')"/>
            <strong><xsl:value-of select="$p/pending-mobile"/></strong>
            <xsl:text> (</xsl:text>
            <xsl:call-template name="datetime"><xsl:with-param name="v" select="$p/pending-mobile/@since"/></xsl:call-template>
            <xsl:text>)</xsl:text>
          </p>
        </xsl:if>
        <xsl:call-template name="field-error"><xsl:with-param name="name">mobile</xsl:with-param></xsl:call-template>

        <label for="landline"><xsl:value-of select="$M/settings.landline"/></label>
        <input type="tel" id="landline" name="landline" maxlength="24" aria-describedby="landline-hint">
          <xsl:attribute name="value"><xsl:call-template name="value"><xsl:with-param name="name">landline</xsl:with-param><xsl:with-param name="stored" select="$p/landline"/></xsl:call-template></xsl:attribute>
        </input>
        <p class="hint" id="landline-hint"><xsl:value-of select="$M/settings.landline-hint"/></p>
        <xsl:call-template name="field-error"><xsl:with-param name="name">landline</xsl:with-param></xsl:call-template>
        <button type="submit" class="primary" id="profile-submit"><xsl:value-of select="$M/settings.save"/></button>
      </form>

      <h3><xsl:value-of select="$M/settings.email"/></h3>
      <p>
        <span id="email">
          <xsl:choose>
            <xsl:when test="$p/email"><xsl:value-of select="$p/email"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$M/settings.no-email"/></xsl:otherwise>
          </xsl:choose>
        </span>
        <xsl:text> · </xsl:text>
        <a href="/settings/email" id="change-email"><xsl:value-of select="$M/settings.change-email"/></a>
      </p>
      <xsl:if test="$p/pending-email">
        <p class="notice" id="pending-email">
          <xsl:value-of select="concat($M/settings.pending-email, ' ')"/>
          <strong><xsl:value-of select="$p/pending-email"/></strong>
        </p>
      </xsl:if>
    </section>

    <section class="card" id="security">
      <h2><xsl:value-of select="$M/settings.security"/></h2>
      <p><a href="/settings/password" id="change-password"><xsl:value-of select="$M/settings.change-password"/></a></p>
      <p><a href="/settings/sessions" id="sessions-link"><xsl:value-of select="$M/settings.sessions"/></a></p>
      <p><a href="/settings/2fa" id="two-factor-link"><xsl:value-of select="$M/tf.title"/></a></p>
    </section>

    <section class="card" id="notifications">
      <h2><xsl:value-of select="$M/settings.notifications"/></h2>
      <form method="post" action="/settings/notifications" id="notifications-form">
        <input type="hidden" name="csrf" value="{csrf}"/>
        <table class="data">
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="$M/settings.topic"/></th>
              <th scope="col"><xsl:value-of select="$M/settings.by-email"/></th>
              <th scope="col"><xsl:value-of select="$M/settings.by-sms"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="notifications/topic">
              <xsl:variable name="label"><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('settings.topic.', @name)"/></xsl:call-template></xsl:variable>
              <tr>
                <th scope="row"><xsl:value-of select="$label"/></th>
                <td>
                  <input type="checkbox" name="email_{@name}" id="email_{@name}" value="1"
                         aria-label="{$label}: {$M/settings.by-email}">
                    <xsl:if test="@email = '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
                  </input>
                </td>
                <td>
                  <input type="checkbox" name="sms_{@name}" id="sms_{@name}" value="1"
                         aria-label="{$label}: {$M/settings.by-sms}">
                    <xsl:if test="@sms = '1'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
                  </input>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        <button type="submit" class="primary" id="notifications-submit"><xsl:value-of select="$M/settings.save"/></button>
      </form>
    </section>

    <section class="card" id="ereceipts">
      <h2><xsl:value-of select="$M/settings.ereceipts"/></h2>
      <p class="hint"><xsl:value-of select="$M/settings.ereceipts-intro"/></p>
      <xsl:if test="not(ereceipts/account)"><p><xsl:value-of select="$M/settings.no-accounts"/></p></xsl:if>
      <xsl:for-each select="ereceipts/account">
        <form method="post" action="/settings/ereceipt" class="inline" id="ereceipt-{@id}">
          <input type="hidden" name="csrf" value="{/page/csrf}"/>
          <input type="hidden" name="account" value="{@id}"/>
          <span class="account-number"><xsl:value-of select="number"/></span>
          <xsl:value-of select="concat(', ', address, ' — ')"/>
          <strong>
            <xsl:choose>
              <xsl:when test="@on = '1'"><xsl:value-of select="$M/settings.ereceipt-on"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$M/settings.ereceipt-off"/></xsl:otherwise>
            </xsl:choose>
          </strong>
          <xsl:text> </xsl:text>
          <xsl:choose>
            <xsl:when test="@on = '1'">
              <input type="hidden" name="on" value="0"/>
              <button type="submit"><xsl:value-of select="$M/settings.ereceipt-turn-off"/></button>
            </xsl:when>
            <xsl:otherwise>
              <input type="hidden" name="on" value="1"/>
              <button type="submit"><xsl:value-of select="$M/settings.ereceipt-turn-on"/></button>
            </xsl:otherwise>
          </xsl:choose>
        </form>
      </xsl:for-each>
    </section>

    <section class="card" id="language">
      <h2><xsl:value-of select="$M/settings.language"/></h2>
      <form method="post" action="/settings/lang" class="inline" id="lang-form">
        <input type="hidden" name="csrf" value="{csrf}"/>
        <label for="to"><xsl:value-of select="$M/settings.language-hint"/></label>
        <xsl:text> </xsl:text>
        <select id="to" name="to">
          <option value="ru"><xsl:if test="$p/lang = 'ru'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>Русский</option>
          <option value="en"><xsl:if test="$p/lang = 'en'"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>English</option>
        </select>
        <xsl:text> </xsl:text>
        <button type="submit" id="lang-submit"><xsl:value-of select="$M/settings.save"/></button>
      </form>
    </section>
  </xsl:template>

  <!-- ============================================================ two-step sign-in -->
  <xsl:template match="page[@section='settings'][@name='two-factor']" mode="content">
    <xsl:variable name="t" select="two-factor"/>
    <section class="card narrow">
      <h1><xsl:value-of select="$M/tf.title"/></h1>
      <xsl:if test="done = 'off'">
        <p class="notice" role="status" id="done"><xsl:value-of select="$M/tf.done-off"/></p>
      </xsl:if>
      <p><xsl:value-of select="$M/tf.intro"/></p>
      <xsl:call-template name="sms-sent"/>
      <xsl:call-template name="settings-errors"/>
      <xsl:choose>
        <xsl:when test="$t/@enabled = '1'">
          <p id="two-factor-state"><strong><xsl:value-of select="$M/tf.is-on"/></strong>
            <xsl:if test="$t/@method = 'sms'">
              <xsl:text> </xsl:text>
              <xsl:call-template name="with-end">
                <xsl:with-param name="text" select="$M/tf.by-sms"/>
                <xsl:with-param name="end" select="$t/@phone-end"/>
              </xsl:call-template>
            </xsl:if>
            <xsl:value-of select="concat(' ', $M/tf.codes-left, ' ', $t/@codes-left, '.')"/></p>
          <xsl:if test="$t/@method = 'sms'">
            <form method="post" action="/settings/2fa/send" id="send-code-form">
              <input type="hidden" name="csrf" value="{csrf}"/>
              <button type="submit" id="send-code"><xsl:value-of select="$M/tf.send-code"/></button>
            </form>
          </xsl:if>
          <form method="post" action="/settings/2fa/off" class="stacked" id="two-factor-off-form">
            <input type="hidden" name="csrf" value="{csrf}"/>
            <label for="current_password"><xsl:value-of select="$M/password.current"/></label>
            <input type="password" id="current_password" name="current_password" required="required"
                   maxlength="128" autocomplete="current-password"/>
            <xsl:call-template name="field-error"><xsl:with-param name="name">current_password</xsl:with-param></xsl:call-template>
            <label for="code">
              <xsl:choose>
                <xsl:when test="$t/@method = 'sms'"><xsl:value-of select="$M/tf.sms-or-recovery"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="$M/tf.code-or-recovery"/></xsl:otherwise>
              </xsl:choose>
            </label>
            <input type="text" id="code" name="code" value="{typed[@name='code']}" required="required" maxlength="16"
                   autocomplete="one-time-code" autocapitalize="none" spellcheck="false"/>
            <xsl:call-template name="field-error"><xsl:with-param name="name">code</xsl:with-param></xsl:call-template>
            <div class="actions">
              <button type="submit" id="two-factor-off"><xsl:value-of select="$M/tf.turn-off"/></button>
              <a href="/settings"><xsl:value-of select="$M/cancel"/></a>
            </div>
          </form>
        </xsl:when>
        <xsl:otherwise>
          <p id="two-factor-state"><xsl:value-of select="$M/tf.is-off"/></p>
          <form method="post" action="/settings/2fa/on" class="stacked" id="two-factor-on-form">
            <input type="hidden" name="csrf" value="{csrf}"/>
            <fieldset class="choices" id="method">
              <legend><xsl:value-of select="$M/tf.method"/></legend>
              <p class="check">
                <input type="radio" id="method-app" name="method" value="app">
                  <xsl:if test="not(typed[@name='method'] = 'sms')"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
                </input>
                <xsl:text> </xsl:text>
                <label for="method-app"><xsl:value-of select="$M/tf.method-app"/></label>
              </p>
              <xsl:choose>
                <xsl:when test="$t/@phone-end">
                  <p class="check">
                    <input type="radio" id="method-sms" name="method" value="sms">
                      <xsl:if test="typed[@name='method'] = 'sms'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
                    </input>
                    <xsl:text> </xsl:text>
                    <label for="method-sms"><xsl:call-template name="with-end">
                      <xsl:with-param name="text" select="$M/tf.method-sms"/>
                      <xsl:with-param name="end" select="$t/@phone-end"/>
                    </xsl:call-template></label>
                  </p>
                </xsl:when>
                <xsl:otherwise><p class="hint" id="no-phone"><xsl:value-of select="$M/tf.no-phone"/></p></xsl:otherwise>
              </xsl:choose>
              <xsl:call-template name="field-error"><xsl:with-param name="name">method</xsl:with-param></xsl:call-template>
            </fieldset>
            <label for="current_password"><xsl:value-of select="$M/password.current"/></label>
            <input type="password" id="current_password" name="current_password" required="required"
                   maxlength="128" autocomplete="current-password"/>
            <xsl:call-template name="field-error"><xsl:with-param name="name">current_password</xsl:with-param></xsl:call-template>
            <div class="actions">
              <button type="submit" class="primary" id="two-factor-on"><xsl:value-of select="$M/tf.turn-on"/></button>
              <a href="/settings"><xsl:value-of select="$M/cancel"/></a>
            </div>
          </form>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template match="page[@section='settings'][@name='two-factor-enrol']" mode="content">
    <section class="card narrow">
      <h1><xsl:value-of select="$M/tf.title"/></h1>
      <xsl:choose>
        <xsl:when test="recovery-codes">
          <p class="notice" role="status" id="done"><xsl:value-of select="$M/tf.done-on"/></p>
          <h2><xsl:value-of select="$M/tf.codes"/></h2>
          <p><xsl:value-of select="$M/tf.codes-hint"/></p>
          <ul class="recovery-codes" id="recovery-codes">
            <xsl:for-each select="recovery-codes/code"><li><code><xsl:value-of select="."/></code></li></xsl:for-each>
          </ul>
          <p><a class="button primary" href="/settings/2fa" id="continue"><xsl:value-of select="$M/tf.continue"/></a></p>
        </xsl:when>
        <xsl:when test="enrol/@method = 'sms'">
          <xsl:call-template name="sms-sent"/>
          <p id="sms-enter"><xsl:call-template name="with-end">
            <xsl:with-param name="text" select="$M/tf.sms-enter"/>
            <xsl:with-param name="end" select="enrol/@phone-end"/>
          </xsl:call-template></p>
          <xsl:call-template name="settings-errors"/>
          <form method="post" action="/settings/2fa/enrol" class="stacked" id="enrol-form">
            <input type="hidden" name="csrf" value="{csrf}"/>
            <label for="code"><xsl:value-of select="$M/tf.sms-code"/></label>
            <input type="text" id="code" name="code" value="{typed[@name='code']}" required="required" maxlength="6" size="8"
                   inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{{6}}"/>
            <xsl:call-template name="field-error"><xsl:with-param name="name">code</xsl:with-param></xsl:call-template>
            <div class="actions">
              <button type="submit" class="primary" id="enrol-submit"><xsl:value-of select="$M/tf.confirm"/></button>
              <a href="/settings/2fa"><xsl:value-of select="$M/cancel"/></a>
            </div>
          </form>
          <form method="post" action="/settings/2fa/send" id="send-code-form">
            <input type="hidden" name="csrf" value="{csrf}"/>
            <button type="submit" id="send-code"><xsl:value-of select="$M/tf.resend"/></button>
          </form>
        </xsl:when>
        <xsl:otherwise>
          <p><xsl:value-of select="$M/tf.scan"/></p>
          <figure class="totp-qr">
            <svg xmlns="http://www.w3.org/2000/svg" role="img" width="200" height="200"
                 viewBox="-4 -4 {enrol/qr/@size} {enrol/qr/@size}" aria-labelledby="qr-label" shape-rendering="crispEdges">
              <title id="qr-label"><xsl:value-of select="$M/tf.qr"/></title>
              <rect x="-4" y="-4" width="{enrol/qr/@size}" height="{enrol/qr/@size}" fill="#fff"/>
              <path d="{enrol/qr}" fill="#000"/>
            </svg>
            <figcaption>
              <xsl:value-of select="concat($M/tf.secret, ' ')"/>
              <code id="totp-secret"><xsl:value-of select="enrol/secret"/></code>
            </figcaption>
          </figure>
          <xsl:call-template name="settings-errors"/>
          <form method="post" action="/settings/2fa/enrol" class="stacked" id="enrol-form">
            <input type="hidden" name="csrf" value="{csrf}"/>
            <label for="code"><xsl:value-of select="$M/tf.first-code"/></label>
            <input type="text" id="code" name="code" value="{typed[@name='code']}" required="required" maxlength="6" size="8"
                   inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{{6}}"/>
            <xsl:call-template name="field-error"><xsl:with-param name="name">code</xsl:with-param></xsl:call-template>
            <div class="actions">
              <button type="submit" class="primary" id="enrol-submit"><xsl:value-of select="$M/tf.confirm"/></button>
              <a href="/settings/2fa"><xsl:value-of select="$M/cancel"/></a>
            </div>
          </form>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ============================================================ password -->
  <xsl:template match="page[@section='settings'][@name='password']" mode="content">
    <section class="card narrow">
      <h1><xsl:value-of select="$M/password.title"/></h1>
      <p class="hint"><xsl:value-of select="$M/password.note"/></p>
      <xsl:call-template name="settings-errors"/>
      <form method="post" action="/settings/password" class="stacked" id="password-form">
        <input type="hidden" name="csrf" value="{csrf}"/>
        <label for="current_password"><xsl:value-of select="$M/password.current"/></label>
        <input type="password" id="current_password" name="current_password" required="required"
               maxlength="128" autocomplete="current-password"/>
        <xsl:call-template name="field-error"><xsl:with-param name="name">current_password</xsl:with-param></xsl:call-template>
        <label for="new_password"><xsl:value-of select="$M/pw.new"/></label>
        <input type="password" id="new_password" name="new_password" required="required" maxlength="128"
               minlength="12" autocomplete="new-password" aria-describedby="pw-rules"/>
        <p class="hint" id="pw-rules"><xsl:value-of select="$M/pw.rules"/></p>
        <xsl:call-template name="field-error"><xsl:with-param name="name">new_password</xsl:with-param></xsl:call-template>
        <label for="confirm_password"><xsl:value-of select="$M/pw.confirm"/></label>
        <input type="password" id="confirm_password" name="confirm_password" required="required"
               maxlength="128" autocomplete="new-password"/>
        <xsl:call-template name="field-error"><xsl:with-param name="name">confirm_password</xsl:with-param></xsl:call-template>
        <div class="actions">
          <button type="submit" class="primary" id="password-submit"><xsl:value-of select="$M/password.submit"/></button>
          <a href="/settings"><xsl:value-of select="$M/cancel"/></a>
        </div>
      </form>
    </section>
  </xsl:template>

  <!-- ============================================================ e-mail -->
  <xsl:template match="page[@section='settings'][@name='email']" mode="content">
    <section class="card narrow">
      <h1><xsl:value-of select="$M/email.title"/></h1>
      <xsl:if test="email-form/current">
        <p><xsl:value-of select="concat($M/email.current, ' ')"/><strong id="current-email"><xsl:value-of select="email-form/current"/></strong></p>
      </xsl:if>
      <p class="hint"><xsl:value-of select="$M/email.note"/></p>
      <xsl:call-template name="settings-errors"/>
      <form method="post" action="/settings/email" class="stacked" id="email-form">
        <input type="hidden" name="csrf" value="{csrf}"/>
        <label for="email"><xsl:value-of select="$M/email.new"/></label>
        <input type="email" id="email" name="email" required="required" maxlength="254"
               autocomplete="email" value="{typed[@name='email']}"/>
        <xsl:call-template name="field-error"><xsl:with-param name="name">email</xsl:with-param></xsl:call-template>
        <label for="current_password"><xsl:value-of select="$M/password.current"/></label>
        <input type="password" id="current_password" name="current_password" required="required"
               maxlength="128" autocomplete="current-password"/>
        <xsl:call-template name="field-error"><xsl:with-param name="name">current_password</xsl:with-param></xsl:call-template>
        <div class="actions">
          <button type="submit" class="primary" id="email-submit"><xsl:value-of select="$M/email.submit"/></button>
          <a href="/settings"><xsl:value-of select="$M/cancel"/></a>
        </div>
      </form>
    </section>
  </xsl:template>

  <!-- ============================================================ sessions -->
  <!-- "Chrome on Android", from the names core/useragent.c found. -->
  <xsl:template match="device">
    <xsl:choose>
      <xsl:when test="@browser and @system">
        <xsl:value-of select="concat(@browser, ' ', $M/sessions.on, ' ', @system)"/>
      </xsl:when>
      <xsl:when test="@browser"><xsl:value-of select="@browser"/></xsl:when>
      <xsl:when test="@system">
        <xsl:value-of select="concat($M/sessions.unknown, ', ', @system)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$M/sessions.unknown"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page[@section='settings'][@name='sessions']" mode="content">
    <h1><xsl:value-of select="$M/sessions.title"/></h1>
    <xsl:if test="done = 'ended'">
      <p class="notice" role="status" id="done"><xsl:value-of select="$M/sessions.ended"/></p>
    </xsl:if>
    <section class="card">
      <table class="data" id="sessions">
        <thead>
          <tr>
            <th scope="col"><xsl:value-of select="$M/sessions.started"/></th>
            <th scope="col"><xsl:value-of select="$M/sessions.last"/></th>
            <th scope="col"><xsl:value-of select="$M/sessions.address"/></th>
            <th scope="col"><xsl:value-of select="$M/sessions.browser"/></th>
            <th scope="col"><span class="visually-hidden"><xsl:value-of select="$M/sessions.end"/></span></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="sessions/session">
            <tr id="session-{@id}">
              <td><xsl:call-template name="datetime"><xsl:with-param name="v" select="created"/></xsl:call-template></td>
              <td><xsl:call-template name="datetime"><xsl:with-param name="v" select="last-seen"/></xsl:call-template></td>
              <td><xsl:value-of select="ip"/></td>
              <td class="device"><xsl:apply-templates select="device"/></td>
              <td>
                <xsl:if test="@current"><em><xsl:value-of select="$M/sessions.this"/></em><xsl:text> </xsl:text></xsl:if>
                <form method="post" action="/settings/sessions/end" class="inline">
                  <input type="hidden" name="csrf" value="{/page/csrf}"/>
                  <input type="hidden" name="id" value="{@id}"/>
                  <button type="submit">
                    <xsl:value-of select="$M/sessions.end"/>
                    <!-- Every row's button is "End": say which session it ends. -->
                    <span class="visually-hidden">
                      <xsl:text>: </xsl:text>
                      <xsl:apply-templates select="device"/>
                      <xsl:text>, </xsl:text>
                      <xsl:call-template name="datetime"><xsl:with-param name="v" select="last-seen"/></xsl:call-template>
                    </span>
                  </button>
                </form>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
      <form method="post" action="/settings/sessions/end-all" id="end-all-form">
        <input type="hidden" name="csrf" value="{csrf}"/>
        <button type="submit" class="primary" id="end-all"><xsl:value-of select="$M/sessions.end-all"/></button>
      </form>
      <p><a href="/settings"><xsl:value-of select="$M/back.settings"/></a></p>
    </section>
  </xsl:template>

</xsl:stylesheet>
