<?xml version="1.0" encoding="UTF-8"?>
<!-- login.xsl: signing in, self-registration, password recovery, e-mail confirmation. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="page[@section='login']" mode="title">
    <xsl:call-template name="msg"><xsl:with-param name="key" select="concat(@name, '.title')"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="page[@section='login'][@name='login']" mode="title">
    <xsl:value-of select="$M/login.title"/>
  </xsl:template>

  <!-- What was typed into field name, for a form shown again. -->
  <xsl:template name="typed">
    <xsl:param name="name"/>
    <xsl:value-of select="/page/typed[@name = $name]"/>
  </xsl:template>

  <xsl:template name="invalid-form">
    <xsl:call-template name="form-errors"/>
    <xsl:if test="/page/error[@field]">
      <p class="alert" role="alert" id="form-error"><xsl:value-of select="$M/error.form-invalid"/></p>
    </xsl:if>
  </xsl:template>

  <!-- A new password with its confirmation (recovery by link or by code). -->
  <xsl:template name="new-password-fields">
    <label for="new_password"><xsl:value-of select="$M/pw.new"/></label>
    <input type="password" id="new_password" name="new_password" required="required" maxlength="128"
           minlength="12" autocomplete="new-password" aria-describedby="pw-rules"/>
    <p class="hint" id="pw-rules"><xsl:value-of select="$M/pw.rules"/></p>
    <xsl:call-template name="field-error"><xsl:with-param name="name">new_password</xsl:with-param></xsl:call-template>
    <label for="confirm_password"><xsl:value-of select="$M/pw.confirm"/></label>
    <input type="password" id="confirm_password" name="confirm_password" required="required"
           maxlength="128" autocomplete="new-password"/>
    <xsl:call-template name="field-error"><xsl:with-param name="name">confirm_password</xsl:with-param></xsl:call-template>
  </xsl:template>

  <!-- ============================================================ sign in -->
  <xsl:template match="page[@section='login'][@name='login']" mode="content">
    <section class="card narrow">
      <h1><xsl:value-of select="$M/login.title"/></h1>
      <xsl:if test="done = 'out' or done = 'out-all' or done = 'joined'">
        <p class="notice" role="status" id="done">
          <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('login.done.', done)"/></xsl:call-template>
        </p>
      </xsl:if>
      <xsl:call-template name="form-errors"/>
      <form method="post" action="/login" class="stacked" id="login-form">
        <input type="hidden" name="csrf" value="{csrf}"/>
        <input type="hidden" name="next" value="{login-form/next}"/>
        <label for="login"><xsl:value-of select="$M/login.login"/></label>
        <input type="text" id="login" name="login" value="{login-form/login}" required="required"
               maxlength="64" autocomplete="username" autocapitalize="none" spellcheck="false">
          <xsl:if test="not(login-form/login)"><xsl:attribute name="autofocus">autofocus</xsl:attribute></xsl:if>
        </input>
        <label for="password"><xsl:value-of select="$M/login.password"/></label>
        <input type="password" id="password" name="password" required="required" maxlength="128"
               autocomplete="current-password">
          <xsl:if test="login-form/login"><xsl:attribute name="autofocus">autofocus</xsl:attribute></xsl:if>
        </input>
        <button type="submit" class="primary"><xsl:value-of select="$M/login.submit"/></button>
      </form>
      <p class="hint"><a href="/recover" id="recover-link"><xsl:value-of select="$M/login.forgot"/></a></p>
      <p class="hint"><a href="/register" id="register-link"><xsl:value-of select="$M/login.register"/></a></p>
      <p class="hint"><xsl:value-of select="$M/login.hint"/></p>
      <p class="hint"><a href="/calculator" id="calculator-link"><xsl:value-of select="$M/login.calculator"/></a></p>
    </section>
  </xsl:template>

  <!-- ============================================================ registration -->
  <xsl:template match="page[@section='login'][@name='register']" mode="content">
    <xsl:variable name="f" select="register-form"/>
    <section class="card narrow wide-form">
      <h1><xsl:value-of select="$M/register.title"/></h1>
      <p><xsl:value-of select="$M/register.intro"/></p>
      <xsl:call-template name="invalid-form"/>
      <xsl:if test="error[@code = 'phone-mismatch']">
        <p class="hint" id="org-phones">
          <xsl:value-of select="concat($M/register.call, ' ')"/>
          <strong><xsl:value-of select="$f/organizations/organization[@selected]/@phones"/></strong>
        </p>
      </xsl:if>
      <form method="post" action="/register" class="stacked" id="register-form">
        <input type="hidden" name="csrf" value="{csrf}"/>
        <label for="org"><xsl:value-of select="$M/register.org"/></label>
        <select id="org" name="org" required="required">
          <xsl:if test="count($f/organizations/organization) != 1">
            <option value=""><xsl:value-of select="$M/register.choose"/></option>
          </xsl:if>
          <xsl:for-each select="$f/organizations/organization">
            <option value="{@id}">
              <xsl:if test="@selected"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="."/>
            </option>
          </xsl:for-each>
        </select>
        <xsl:call-template name="field-error"><xsl:with-param name="name">org</xsl:with-param></xsl:call-template>
        <label for="number"><xsl:value-of select="$M/register.number"/></label>
        <input type="text" id="number" name="number" required="required" maxlength="40"
               inputmode="numeric" autocomplete="off" spellcheck="false">
          <xsl:attribute name="value"><xsl:call-template name="typed"><xsl:with-param name="name">number</xsl:with-param></xsl:call-template></xsl:attribute>
        </input>
        <xsl:call-template name="field-error"><xsl:with-param name="name">number</xsl:with-param></xsl:call-template>
        <label for="email"><xsl:value-of select="$M/register.email"/></label>
        <input type="email" id="email" name="email" required="required" maxlength="254" autocomplete="email">
          <xsl:attribute name="value"><xsl:call-template name="typed"><xsl:with-param name="name">email</xsl:with-param></xsl:call-template></xsl:attribute>
        </input>
        <xsl:call-template name="field-error"><xsl:with-param name="name">email</xsl:with-param></xsl:call-template>
        <label for="phone"><xsl:value-of select="$M/register.phone"/></label>
        <input type="tel" id="phone" name="phone" required="required" maxlength="24" autocomplete="tel"
               aria-describedby="phone-hint">
          <xsl:attribute name="value"><xsl:call-template name="typed"><xsl:with-param name="name">phone</xsl:with-param></xsl:call-template></xsl:attribute>
        </input>
        <p class="hint" id="phone-hint"><xsl:value-of select="$M/register.phone-hint"/></p>
        <xsl:call-template name="field-error"><xsl:with-param name="name">phone</xsl:with-param></xsl:call-template>
        <div class="actions">
          <button type="submit" class="primary" id="register-submit"><xsl:value-of select="$M/register.submit"/></button>
          <a href="/login"><xsl:value-of select="$M/back.login"/></a>
        </div>
      </form>
    </section>
  </xsl:template>

  <!-- ============================================================ recovery -->
  <xsl:template match="page[@section='login'][@name='recover']" mode="content">
    <xsl:variable name="method" select="typed[@name='method']"/>
    <section class="card narrow">
      <h1><xsl:value-of select="$M/recover.title"/></h1>
      <p><xsl:value-of select="$M/recover.intro"/></p>
      <xsl:call-template name="invalid-form"/>
      <form method="post" action="/recover" class="stacked" id="recover-form">
        <input type="hidden" name="csrf" value="{csrf}"/>
        <label for="who"><xsl:value-of select="$M/recover.who"/></label>
        <input type="text" id="who" name="who" required="required" maxlength="254"
               autocomplete="username" autocapitalize="none" spellcheck="false" value="{typed[@name='who']}"/>
        <xsl:call-template name="field-error"><xsl:with-param name="name">who</xsl:with-param></xsl:call-template>
        <fieldset>
          <legend><xsl:value-of select="$M/recover.how"/></legend>
          <label class="choice">
            <input type="radio" name="method" value="email" id="method-email">
              <xsl:if test="not($method = 'sms')"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
            </input>
            <xsl:value-of select="concat(' ', $M/recover.by-email)"/>
          </label>
          <label class="choice">
            <input type="radio" name="method" value="sms" id="method-sms">
              <xsl:if test="$method = 'sms'"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
            </input>
            <xsl:value-of select="concat(' ', $M/recover.by-sms)"/>
          </label>
        </fieldset>
        <xsl:call-template name="field-error"><xsl:with-param name="name">method</xsl:with-param></xsl:call-template>
        <div class="actions">
          <button type="submit" class="primary" id="recover-submit"><xsl:value-of select="$M/recover.submit"/></button>
          <a href="/login"><xsl:value-of select="$M/back.login"/></a>
        </div>
      </form>
    </section>
  </xsl:template>

  <xsl:template match="page[@section='login'][@name='recover-link']" mode="content">
    <section class="card narrow">
      <h1><xsl:value-of select="$M/recover-link.title"/></h1>
      <xsl:call-template name="invalid-form"/>
      <form method="post" action="/recover/link" class="stacked" id="new-password-form">
        <input type="hidden" name="csrf" value="{csrf}"/>
        <input type="hidden" name="token" value="{new-password-form/token}"/>
        <xsl:call-template name="new-password-fields"/>
        <button type="submit" class="primary" id="new-password-submit"><xsl:value-of select="$M/recover.save"/></button>
      </form>
    </section>
  </xsl:template>

  <xsl:template match="page[@section='login'][@name='recover-code']" mode="content">
    <section class="card narrow">
      <h1><xsl:value-of select="$M/recover-code.title"/></h1>
      <p><xsl:value-of select="$M/recover-code.intro"/></p>
      <xsl:call-template name="invalid-form"/>
      <xsl:if test="code-form/@tries-left">
        <p class="hint" id="tries-left">
          <xsl:value-of select="concat($M/recover-code.tries-left, ' ', code-form/@tries-left)"/>
        </p>
      </xsl:if>
      <form method="post" action="/recover/code" class="stacked" id="code-form">
        <input type="hidden" name="csrf" value="{csrf}"/>
        <input type="hidden" name="h" value="{code-form/h}"/>
        <label for="code"><xsl:value-of select="$M/recover-code.code"/></label>
        <input type="text" id="code" name="code" value="{typed[@name='code']}" required="required" maxlength="6" size="8"
               inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{{6}}"/>
        <xsl:call-template name="field-error"><xsl:with-param name="name">code</xsl:with-param></xsl:call-template>
        <xsl:call-template name="new-password-fields"/>
        <button type="submit" class="primary" id="code-submit"><xsl:value-of select="$M/recover.save"/></button>
      </form>
      <p class="hint"><a href="/recover"><xsl:value-of select="$M/recover-code.again"/></a></p>
    </section>
  </xsl:template>

  <!-- Two-step sign-in: the code after the password. -->
  <xsl:template match="page[@section='login'][@name='login-code']" mode="content">
    <section class="card narrow">
      <h1><xsl:value-of select="$M/login-code.title"/></h1>
      <xsl:call-template name="sms-sent"/>
      <xsl:choose>
        <xsl:when test="second-step/@method = 'sms'">
          <p id="code-intro"><xsl:call-template name="with-end">
            <xsl:with-param name="text" select="$M/login-code.intro-sms"/>
            <xsl:with-param name="end" select="second-step/@phone-end"/>
          </xsl:call-template></p>
        </xsl:when>
        <xsl:otherwise><p id="code-intro"><xsl:value-of select="$M/login-code.intro"/></p></xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="invalid-form"/>
      <form method="post" action="/login/code" class="stacked" id="second-step-form">
        <input type="hidden" name="csrf" value="{csrf}"/>
        <label for="code"><xsl:value-of select="$M/login-code.code"/></label>
        <input type="text" id="code" name="code" value="{typed[@name='code']}" required="required" maxlength="16"
               autocomplete="one-time-code" autocapitalize="none" spellcheck="false"/>
        <xsl:call-template name="field-error"><xsl:with-param name="name">code</xsl:with-param></xsl:call-template>
        <p class="check">
          <input type="checkbox" id="remember" name="remember" value="1"/>
          <xsl:text> </xsl:text>
          <label for="remember"><xsl:value-of select="$M/login-code.remember"/></label>
        </p>
        <button type="submit" class="primary" id="second-step-submit"><xsl:value-of select="$M/login.submit"/></button>
      </form>
      <xsl:if test="second-step/@method = 'sms'">
        <form method="post" action="/login/code" id="resend-form">
          <input type="hidden" name="csrf" value="{csrf}"/>
          <input type="hidden" name="resend" value="1"/>
          <button type="submit" id="resend"><xsl:value-of select="$M/login-code.resend"/></button>
        </form>
      </xsl:if>
      <p class="hint"><a href="/login"><xsl:value-of select="$M/back.login"/></a></p>
    </section>
  </xsl:template>

  <!-- A link from a message opens this form; only its POST uses the link up,
       so a mail scanner that fetches every link confirms nothing. -->
  <xsl:template match="page[@section='login'][@name='email-confirm'][confirm-form]" mode="content">
    <section class="card narrow">
      <h1><xsl:value-of select="$M/email-confirm.title"/></h1>
      <form method="post" action="/email/confirm" class="stacked" id="confirm-form">
        <input type="hidden" name="csrf" value="{csrf}"/>
        <input type="hidden" name="token" value="{confirm-form/token}"/>
        <p><xsl:value-of select="$M/email-confirm.text"/><xsl:text> </xsl:text>
          <strong id="address"><xsl:value-of select="confirm-form/address"/></strong></p>
        <button type="submit" class="primary" id="confirm-submit"><xsl:value-of select="$M/email-confirm.submit"/></button>
      </form>
    </section>
  </xsl:template>

  <xsl:template match="page[@section='login'][@name='email-confirm'][confirmed]" mode="content">
    <section class="card narrow">
      <h1><xsl:value-of select="$M/email-confirmed.title"/></h1>
      <p id="notice"><xsl:value-of select="$M/email-confirmed.text"/>
        <xsl:text> </xsl:text><strong id="confirmed"><xsl:value-of select="confirmed"/></strong></p>
      <p><a href="/login" class="button primary" id="to-login"><xsl:value-of select="$M/back.login"/></a></p>
    </section>
  </xsl:template>

  <!-- ============================================================ notices -->
  <xsl:template match="page[@section='login'][@name='register-sent' or @name='recover-sent' or
                        @name='recover-done']" mode="content">
    <section class="card narrow">
      <h1><xsl:call-template name="msg"><xsl:with-param name="key" select="concat(@name, '.title')"/></xsl:call-template></h1>
      <p id="notice">
        <xsl:call-template name="msg"><xsl:with-param name="key" select="concat(@name, '.text')"/></xsl:call-template>
      </p>
      <p><a href="/login" class="button primary" id="to-login"><xsl:value-of select="$M/back.login"/></a></p>
    </section>
  </xsl:template>

</xsl:stylesheet>
