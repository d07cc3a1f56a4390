<?xml version="1.0" encoding="UTF-8"?>
<!-- accounts.xsl: the list of linked accounts, adding, removing, details. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- The rights a holder gives (billing/access.c), in the order offered. -->
  <xsl:variable name="acc-rights">
    <c>readings</c><c>view</c><c>pay</c><c>full</c>
  </xsl:variable>

  <xsl:template match="page[@section='accounts']" mode="title">
    <xsl:choose>
      <xsl:when test="@name = 'add'"><xsl:value-of select="$M/add.title"/></xsl:when>
      <xsl:when test="@name = 'remove'"><xsl:value-of select="$M/remove.title"/></xsl:when>
      <xsl:when test="@name = 'info'"><xsl:value-of select="$M/info.title"/></xsl:when>
      <xsl:when test="@name = 'access'"><xsl:value-of select="$M/access.title"/></xsl:when>
      <xsl:when test="@name = 'alert'"><xsl:value-of select="$M/alert.title"/></xsl:when>
      <xsl:when test="@name = 'join'"><xsl:value-of select="$M/join.title"/></xsl:when>
      <xsl:when test="@name = 'accept'"><xsl:value-of select="$M/access.accept.title"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$M/accounts.title"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ list -->
  <xsl:template match="page[@section='accounts'][@name='list']" mode="content">
    <section class="card">
      <div class="card-head">
        <h1><xsl:value-of select="$M/accounts.title"/></h1>
        <a class="button" href="/accounts/add" id="add-account"><xsl:value-of select="$M/accounts.add"/></a>
      </div>
      <xsl:if test="done = 'added' or done = 'removed' or done = 'current' or done = 'shared' or
                    done = 'declined' or done = 'left'">
        <p class="notice" role="status" id="done">
          <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('accounts.done.', done)"/></xsl:call-template>
        </p>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="accounts/account">
          <ul class="account-list">
            <xsl:apply-templates select="accounts/account" mode="list"/>
          </ul>
          <p class="hint"><xsl:value-of select="$M/balance.hint"/></p>
        </xsl:when>
        <xsl:when test="not(shared/account)">
          <p id="no-accounts"><xsl:value-of select="$M/accounts.none"/></p>
        </xsl:when>
      </xsl:choose>
    </section>
    <xsl:if test="shared/account">
      <section class="card" id="shared">
        <h2><xsl:value-of select="$M/access.shared.title"/></h2>
        <ul class="account-list">
          <xsl:for-each select="shared/account">
            <li class="account-item" id="shared-{@id}">
              <div class="account-main">
                <p class="account-number">
                  <xsl:value-of select="$M/accounts.number"/>
                  <xsl:text> № </xsl:text>
                  <strong><xsl:value-of select="number"/></strong>
                  <xsl:if test="@current">
                    <span class="badge"><xsl:value-of select="$M/accounts.current"/></span>
                  </xsl:if>
                </p>
                <p class="account-address"><xsl:value-of select="address"/></p>
                <p class="muted">
                  <xsl:value-of select="organization"/>
                  <xsl:text> · </xsl:text>
                  <xsl:value-of select="$M/access.shared.by"/>
                  <xsl:text> </xsl:text>
                  <xsl:value-of select="holder"/>
                </p>
                <p id="shared-rights-{@id}">
                  <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('access.rights.', @rights)"/></xsl:call-template>
                </p>
              </div>
              <div class="account-actions">
                <xsl:if test="not(@current)">
                  <form method="post" action="/accounts/current" class="inline">
                    <input type="hidden" name="csrf" value="{/page/csrf}"/>
                    <input type="hidden" name="id" value="{@id}"/>
                    <button type="submit" class="small-button" id="choose-shared-{@id}"><xsl:value-of select="$M/accounts.choose"/></button>
                  </form>
                </xsl:if>
                <form method="post" action="/accounts/leave" class="inline">
                  <input type="hidden" name="csrf" value="{/page/csrf}"/>
                  <input type="hidden" name="id" value="{@id}"/>
                  <button type="submit" class="small-button secondary" id="leave-{@id}"><xsl:value-of select="$M/access.leave"/></button>
                </form>
              </div>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="account" mode="list">
    <li class="account-item" id="account-{@id}">
      <xsl:if test="@current"><xsl:attribute name="class">account-item is-current</xsl:attribute></xsl:if>
      <div class="account-main">
        <p class="account-number">
          <xsl:value-of select="$M/accounts.number"/>
          <xsl:text> № </xsl:text>
          <strong><xsl:value-of select="number"/></strong>
          <xsl:if test="@current">
            <span class="badge"><xsl:value-of select="$M/accounts.current"/></span>
          </xsl:if>
        </p>
        <p class="account-address"><xsl:value-of select="address"/></p>
        <p class="muted">
          <xsl:value-of select="payer"/>
          <xsl:text> · </xsl:text>
          <xsl:value-of select="organization"/>
        </p>
      </div>
      <div class="account-balance">
        <xsl:choose>
          <xsl:when test="month">
            <span class="muted small">
              <xsl:value-of select="$M/accounts.as-of"/>
              <xsl:text> </xsl:text>
              <xsl:call-template name="month-label"><xsl:with-param name="v" select="month"/></xsl:call-template>
            </span>
            <xsl:call-template name="due-advance"/>
            <xsl:if test="due/@minor &gt; 0">
              <xsl:call-template name="pay-button">
                <xsl:with-param name="account" select="@id"/>
                <xsl:with-param name="what" select="concat('№ ', number)"/>
              </xsl:call-template>
            </xsl:if>
          </xsl:when>
          <xsl:otherwise><span class="muted small"><xsl:value-of select="$M/accounts.no-history"/></span></xsl:otherwise>
        </xsl:choose>
      </div>
      <div class="account-actions">
        <xsl:if test="not(@current)">
          <form method="post" action="/accounts/current" class="inline">
            <input type="hidden" name="csrf" value="{/page/csrf}"/>
            <input type="hidden" name="id" value="{@id}"/>
            <button type="submit" class="small-button" id="choose-{@id}"><xsl:value-of select="$M/accounts.choose"/></button>
          </form>
        </xsl:if>
        <a href="/accounts/info?id={@id}" id="info-{@id}"><xsl:value-of select="$M/accounts.info"/></a>
        <xsl:if test="@current">
          <a href="/accounts/alert" id="alert-link"><xsl:value-of select="$M/alert.title"/></a>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="/page/shared/account[@id = current()/@id]">
            <span class="muted small"><xsl:value-of select="$M/access.shared.badge"/></span>
          </xsl:when>
          <xsl:otherwise>
            <xsl:if test="@current">
              <a href="/access" id="access-link"><xsl:value-of select="$M/access.link"/></a>
            </xsl:if>
            <a href="/accounts/remove?id={@id}" id="remove-{@id}"><xsl:value-of select="$M/accounts.remove"/></a>
          </xsl:otherwise>
        </xsl:choose>
      </div>
    </li>
  </xsl:template>

  <!-- ============================================================ add -->
  <xsl:template match="page[@section='accounts'][@name='add']" mode="content">
    <xsl:variable name="f" select="link-form"/>
    <section class="card narrow wide-form">
      <h1><xsl:value-of select="$M/add.title"/></h1>
      <p><xsl:value-of select="$M/add.intro"/></p>
      <xsl:call-template name="form-errors"/>
      <xsl:if test="error[@field]">
        <p class="alert" role="alert" id="form-error"><xsl:value-of select="$M/error.form-invalid"/></p>
      </xsl:if>
      <form method="post" action="/accounts/add" class="stacked" id="add-form">
        <input type="hidden" name="csrf" value="{csrf}"/>

        <label for="org"><xsl:value-of select="$M/add.org"/></label>
        <select id="org" name="org" required="required">
          <xsl:if test="count($f/organizations/organization) != 1">
            <option value=""><xsl:value-of select="$M/add.choose"/></option>
          </xsl:if>
          <xsl:for-each select="$f/organizations/organization">
            <option value="{@id}">
              <xsl:if test="@selected"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
              <xsl:value-of select="."/>
            </option>
          </xsl:for-each>
        </select>
        <xsl:call-template name="field-error"><xsl:with-param name="name">org</xsl:with-param></xsl:call-template>

        <label for="number"><xsl:value-of select="$M/add.number"/></label>
        <input type="text" id="number" name="number" value="{$f/number}" required="required"
               maxlength="40" inputmode="numeric" autocomplete="off" spellcheck="false"/>
        <xsl:call-template name="field-error"><xsl:with-param name="name">number</xsl:with-param></xsl:call-template>

        <div class="row">
          <div class="grow">
            <label for="month"><xsl:value-of select="$M/add.month"/></label>
            <select id="month" name="month" required="required">
              <option value=""><xsl:value-of select="$M/add.choose"/></option>
              <xsl:call-template name="month-options">
                <xsl:with-param name="chosen" select="$f/month"/>
              </xsl:call-template>
            </select>
          </div>
          <div>
            <label for="year"><xsl:value-of select="$M/add.year"/></label>
            <input type="text" id="year" name="year" value="{$f/year}" required="required"
                   maxlength="4" inputmode="numeric" size="5" autocomplete="off"/>
          </div>
        </div>
        <xsl:call-template name="field-error"><xsl:with-param name="name">month</xsl:with-param></xsl:call-template>
        <xsl:call-template name="field-error"><xsl:with-param name="name">year</xsl:with-param></xsl:call-template>

        <label for="amount"><xsl:value-of select="$M/add.amount"/></label>
        <input type="text" id="amount" name="amount" value="{$f/amount}" required="required"
               maxlength="24" inputmode="decimal" autocomplete="off"/>
        <xsl:call-template name="field-error"><xsl:with-param name="name">amount</xsl:with-param></xsl:call-template>

        <div class="actions">
          <button type="submit" class="primary" id="add-submit"><xsl:value-of select="$M/add.submit"/></button>
          <a href="/accounts"><xsl:value-of select="$M/add.cancel"/></a>
        </div>
      </form>
    </section>
  </xsl:template>

  <xsl:template name="month-options">
    <xsl:param name="chosen"/>
    <xsl:param name="i" select="1"/>
    <xsl:if test="$i &lt;= 12">
      <option value="{$i}">
        <xsl:if test="number($chosen) = $i"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
        <xsl:value-of select="$month-names[$i]"/>
      </option>
      <xsl:call-template name="month-options">
        <xsl:with-param name="chosen" select="$chosen"/>
        <xsl:with-param name="i" select="$i + 1"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ remove -->
  <xsl:template match="page[@section='accounts'][@name='remove']" mode="content">
    <xsl:variable name="a" select="remove-account"/>
    <section class="card narrow">
      <h1><xsl:value-of select="$M/remove.title"/></h1>
      <p id="remove-question"><xsl:value-of select="$M/remove.question"/></p>
      <dl class="facts">
        <dt><xsl:value-of select="$M/accounts.number"/></dt><dd><xsl:value-of select="$a/number"/></dd>
        <dt><xsl:value-of select="$M/accounts.address"/></dt><dd><xsl:value-of select="$a/address"/></dd>
        <dt><xsl:value-of select="$M/accounts.payer"/></dt><dd><xsl:value-of select="$a/payer"/></dd>
        <dt><xsl:value-of select="$M/accounts.organization"/></dt><dd><xsl:value-of select="$a/organization"/></dd>
      </dl>
      <p class="hint"><xsl:value-of select="$M/remove.hint"/></p>
      <form method="post" action="/accounts/remove" class="actions" id="remove-form">
        <input type="hidden" name="csrf" value="{csrf}"/>
        <input type="hidden" name="id" value="{$a/@id}"/>
        <button type="submit" name="answer" value="yes" class="danger" id="remove-yes"><xsl:value-of select="$M/remove.yes"/></button>
        <button type="submit" name="answer" value="no" class="secondary" id="remove-no"><xsl:value-of select="$M/remove.no"/></button>
      </form>
    </section>
  </xsl:template>

  <!-- ============================================================ info -->
  <xsl:template match="page[@section='accounts'][@name='info']" mode="content">
    <xsl:variable name="a" select="account-info"/>
    <section class="card">
      <h1><xsl:value-of select="$M/info.title"/></h1>
      <dl class="facts" id="account-facts">
        <dt><xsl:value-of select="$M/accounts.number"/></dt><dd id="info-number"><xsl:value-of select="$a/number"/></dd>
        <dt><xsl:value-of select="$M/accounts.payer"/></dt><dd><xsl:value-of select="$a/payer"/></dd>
        <dt><xsl:value-of select="$M/accounts.address"/></dt><dd><xsl:value-of select="$a/address"/></dd>
        <dt><xsl:value-of select="$M/info.residents"/></dt><dd><xsl:value-of select="$a/residents"/></dd>
        <dt><xsl:value-of select="$M/info.area"/></dt>
        <dd><xsl:call-template name="decimal"><xsl:with-param name="v" select="$a/area"/></xsl:call-template></dd>
        <dt><xsl:value-of select="$M/info.phone"/></dt>
        <dd>
          <xsl:choose>
            <xsl:when test="$a/phone"><xsl:value-of select="$a/phone"/></xsl:when>
            <xsl:otherwise><span class="muted"><xsl:value-of select="$M/info.none"/></span></xsl:otherwise>
          </xsl:choose>
        </dd>
        <dt><xsl:value-of select="$M/info.meters"/></dt>
        <dd>
          <xsl:choose>
            <xsl:when test="$a/meters-replaced-on">
              <xsl:call-template name="date"><xsl:with-param name="v" select="$a/meters-replaced-on"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise><span class="muted"><xsl:value-of select="$M/info.none"/></span></xsl:otherwise>
          </xsl:choose>
        </dd>
      </dl>
      <h2><xsl:value-of select="$M/info.org"/></h2>
      <xsl:variable name="o" select="$a/organization"/>
      <dl class="facts" id="org-facts">
        <dt><xsl:value-of select="$M/info.org"/></dt><dd><xsl:value-of select="$o/name"/></dd>
        <dt><xsl:value-of select="$M/info.org-address"/></dt><dd><xsl:value-of select="$o/address"/></dd>
        <dt><xsl:value-of select="$M/info.phones"/></dt><dd><xsl:value-of select="$o/phones"/></dd>
        <dt><xsl:value-of select="$M/info.email"/></dt><dd><a href="mailto:{$o/email}"><xsl:value-of select="$o/email"/></a></dd>
        <dt><xsl:value-of select="$M/info.inn"/></dt><dd><xsl:value-of select="$o/inn"/></dd>
        <dt><xsl:value-of select="$M/info.bank"/></dt><dd><xsl:value-of select="$o/bank"/></dd>
        <dt><xsl:value-of select="$M/info.bic"/></dt><dd><xsl:value-of select="$o/bic"/></dd>
        <dt><xsl:value-of select="$M/info.bank-account"/></dt><dd><xsl:value-of select="$o/bank-account"/></dd>
        <dt><xsl:value-of select="$M/info.corr-account"/></dt><dd><xsl:value-of select="$o/corr-account"/></dd>
      </dl>
      <xsl:if test="$o/office">
        <h3><xsl:value-of select="$M/info.offices"/></h3>
        <ul id="offices">
          <xsl:for-each select="$o/office">
            <li>
              <xsl:value-of select="concat(address, ' — ', hours)"/>
              <xsl:if test="phone"><xsl:value-of select="concat(', ', phone)"/></xsl:if>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <p class="actions"><a href="/accounts"><xsl:value-of select="$M/accounts.title"/></a></p>
    </section>
  </xsl:template>

  <!-- ============================================================ access -->
  <xsl:template name="rights-options">
    <xsl:param name="chosen"/>
    <xsl:variable name="company" select="boolean(/page/access/company)"/>
    <xsl:for-each select="exsl:node-set($acc-rights)/c" xmlns:exsl="http://exslt.org/common">
      <option value="{.}">
        <xsl:if test=". = $chosen"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
        <xsl:call-template name="rights-label">
          <xsl:with-param name="rights" select="string(.)"/>
          <xsl:with-param name="company" select="$company"/>
        </xsl:call-template>
      </option>
    </xsl:for-each>
  </xsl:template>

  <!-- Rights by name; a company's account names view and full as its roles. -->
  <xsl:template name="rights-label">
    <xsl:param name="rights"/>
    <!-- Passed in where the context is not the page's (a for-each over a list of names). -->
    <xsl:param name="company" select="boolean(/page/access/company)"/>
    <xsl:choose>
      <xsl:when test="$company and ($rights = 'view' or $rights = 'full')">
        <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('access.role.', $rights)"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('access.rights.', $rights)"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page[@section='accounts'][@name='access']" mode="content">
    <xsl:variable name="a" select="access"/>
    <section class="card">
      <h1><xsl:value-of select="$M/access.title"/></h1>
      <p id="access-account">
        <xsl:value-of select="$M/accounts.number"/>
        <xsl:text> № </xsl:text>
        <strong><xsl:value-of select="$a/number"/></strong>
        <xsl:value-of select="concat(' · ', $a/address)"/>
      </p>
      <p class="hint"><xsl:value-of select="$M/access.intro"/></p>
      <xsl:if test="done = 'invited' or done = 'changed' or done = 'revoked' or done = 'cancelled' or
                    done = 'company' or done = 'company-off'">
        <p class="notice" role="status" id="done">
          <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('access.done.', done)"/></xsl:call-template>
        </p>
      </xsl:if>
      <h2><xsl:value-of select="$M/access.delegates"/></h2>
      <xsl:choose>
        <xsl:when test="$a/delegate">
          <ul class="account-list" id="delegates">
            <xsl:for-each select="$a/delegate">
              <li class="account-item" id="delegate-{@id}">
                <div class="account-main">
                  <p><strong><xsl:value-of select="name"/></strong></p>
                  <p class="muted">
                    <xsl:value-of select="login"/>
                    <xsl:if test="email"><xsl:value-of select="concat(' · ', email)"/></xsl:if>
                    <xsl:if test="phone"><xsl:value-of select="concat(' · ', phone)"/></xsl:if>
                  </p>
                  <p class="muted small">
                    <xsl:value-of select="$M/access.since"/>
                    <xsl:text> </xsl:text>
                    <xsl:call-template name="datetime"><xsl:with-param name="v" select="@since"/></xsl:call-template>
                  </p>
                </div>
                <div class="account-actions">
                  <form method="post" action="/access/rights" class="inline">
                    <input type="hidden" name="csrf" value="{/page/csrf}"/>
                    <input type="hidden" name="id" value="{@id}"/>
                    <label for="rights-{@id}"><xsl:value-of select="$M/access.rights"/></label>
                    <select id="rights-{@id}" name="rights">
                      <xsl:call-template name="rights-options"><xsl:with-param name="chosen" select="@rights"/></xsl:call-template>
                    </select>
                    <button type="submit" class="small-button" id="change-{@id}"><xsl:value-of select="$M/access.change"/></button>
                  </form>
                  <form method="post" action="/access/revoke" class="inline">
                    <input type="hidden" name="csrf" value="{/page/csrf}"/>
                    <input type="hidden" name="id" value="{@id}"/>
                    <button type="submit" class="small-button danger" id="revoke-{@id}"><xsl:value-of select="$M/access.revoke"/></button>
                  </form>
                </div>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p id="no-delegates" class="muted"><xsl:value-of select="$M/access.none"/></p></xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$a/invitation">
        <h2><xsl:value-of select="$M/access.invitations"/></h2>
        <ul id="invitations">
          <xsl:for-each select="$a/invitation">
            <li id="invitation-{@id}">
              <strong><xsl:value-of select="contact"/></strong>
              <xsl:text> · </xsl:text>
              <xsl:call-template name="rights-label"><xsl:with-param name="rights" select="@rights"/></xsl:call-template>
              <xsl:text> · </xsl:text>
              <xsl:value-of select="$M/access.until"/>
              <xsl:text> </xsl:text>
              <xsl:call-template name="datetime"><xsl:with-param name="v" select="@expires"/></xsl:call-template>
              <form method="post" action="/access/cancel" class="inline">
                <input type="hidden" name="csrf" value="{/page/csrf}"/>
                <input type="hidden" name="id" value="{@id}"/>
                <button type="submit" class="small-button secondary" id="cancel-{@id}"><xsl:value-of select="$M/access.cancel"/></button>
              </form>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </section>

    <section class="card narrow wide-form" id="invite">
      <h2><xsl:value-of select="$M/access.invite.title"/></h2>
      <p class="hint"><xsl:value-of select="$M/access.invite.hint"/></p>
      <xsl:call-template name="form-errors"/>
      <form method="post" action="/access/invite" class="stacked" id="invite-form">
        <input type="hidden" name="csrf" value="{csrf}"/>
        <label for="contact"><xsl:value-of select="$M/access.contact"/></label>
        <input type="text" id="contact" name="contact" value="{typed[@name = 'contact']}" required="required"
               maxlength="254" autocomplete="off" spellcheck="false"/>
        <xsl:call-template name="field-error"><xsl:with-param name="name">contact</xsl:with-param></xsl:call-template>
        <label for="rights"><xsl:value-of select="$M/access.rights"/></label>
        <select id="rights" name="rights">
          <xsl:call-template name="rights-options">
            <xsl:with-param name="chosen">
              <xsl:choose>
                <xsl:when test="typed[@name = 'rights']"><xsl:value-of select="typed[@name = 'rights']"/></xsl:when>
                <xsl:otherwise>readings</xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
        </select>
        <xsl:call-template name="field-error"><xsl:with-param name="name">rights</xsl:with-param></xsl:call-template>
        <div class="actions">
          <button type="submit" class="primary" id="invite-submit"><xsl:value-of select="$M/access.invite.submit"/></button>
        </div>
      </form>
    </section>

    <section class="card narrow wide-form" id="company">
      <h2><xsl:value-of select="$M/access.company.title"/></h2>
      <p class="hint"><xsl:value-of select="$M/access.company.hint"/></p>
      <xsl:variable name="c" select="$a/company"/>
      <xsl:variable name="typed" select="typed[@name = 'name' or @name = 'tax_id' or @name = 'kpp' or @name = 'address']"/>
      <form method="post" action="/access/company" class="stacked" id="company-form">
        <input type="hidden" name="csrf" value="{csrf}"/>
        <label for="company-name"><xsl:value-of select="$M/access.company.name"/></label>
        <input type="text" id="company-name" name="name" maxlength="200" required="required" autocomplete="organization">
          <xsl:attribute name="value"><xsl:choose><xsl:when test="$typed"><xsl:value-of select="typed[@name = 'name']"/></xsl:when><xsl:otherwise><xsl:value-of select="$c/name"/></xsl:otherwise></xsl:choose></xsl:attribute>
        </input>
        <xsl:call-template name="field-error"><xsl:with-param name="name">name</xsl:with-param></xsl:call-template>
        <label for="company-tax-id"><xsl:value-of select="$M/access.company.tax-id"/></label>
        <input type="text" id="company-tax-id" name="tax_id" maxlength="12" required="required" inputmode="numeric" autocomplete="off">
          <xsl:attribute name="value"><xsl:choose><xsl:when test="$typed"><xsl:value-of select="typed[@name = 'tax_id']"/></xsl:when><xsl:otherwise><xsl:value-of select="$c/tax-id"/></xsl:otherwise></xsl:choose></xsl:attribute>
        </input>
        <xsl:call-template name="field-error"><xsl:with-param name="name">tax_id</xsl:with-param></xsl:call-template>
        <label for="company-kpp"><xsl:value-of select="$M/access.company.kpp"/></label>
        <input type="text" id="company-kpp" name="kpp" maxlength="9" inputmode="numeric" autocomplete="off">
          <xsl:attribute name="value"><xsl:choose><xsl:when test="$typed"><xsl:value-of select="typed[@name = 'kpp']"/></xsl:when><xsl:otherwise><xsl:value-of select="$c/kpp"/></xsl:otherwise></xsl:choose></xsl:attribute>
        </input>
        <xsl:call-template name="field-error"><xsl:with-param name="name">kpp</xsl:with-param></xsl:call-template>
        <label for="company-address"><xsl:value-of select="$M/access.company.address"/></label>
        <input type="text" id="company-address" name="address" maxlength="300" required="required" autocomplete="off">
          <xsl:attribute name="value"><xsl:choose><xsl:when test="$typed"><xsl:value-of select="typed[@name = 'address']"/></xsl:when><xsl:otherwise><xsl:value-of select="$c/address"/></xsl:otherwise></xsl:choose></xsl:attribute>
        </input>
        <xsl:call-template name="field-error"><xsl:with-param name="name">address</xsl:with-param></xsl:call-template>
        <div class="actions">
          <button type="submit" class="primary" id="company-submit"><xsl:value-of select="$M/access.company.save"/></button>
        </div>
      </form>
      <xsl:if test="$c">
        <form method="post" action="/access/company" class="actions" id="company-off-form">
          <input type="hidden" name="csrf" value="{csrf}"/>
          <button type="submit" name="answer" value="off" class="secondary" id="company-off"><xsl:value-of select="$M/access.company.off"/></button>
        </form>
      </xsl:if>
    </section>

    <xsl:if test="$a/action">
      <section class="card" id="others">
        <h2><xsl:value-of select="$M/access.others"/></h2>
        <ul>
          <xsl:for-each select="$a/action">
            <li>
              <xsl:call-template name="datetime"><xsl:with-param name="v" select="@at"/></xsl:call-template>
              <xsl:value-of select="concat(' · ', who, ' · ')"/>
              <xsl:choose>
                <xsl:when test="@kind = 'reading'">
                  <xsl:value-of select="concat($M/access.others.reading, ' ', meter, ': ')"/>
                  <xsl:call-template name="decimal"><xsl:with-param name="v" select="value"/></xsl:call-template>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:value-of select="concat($M/access.others.payment, ' ', amount)"/>
                </xsl:otherwise>
              </xsl:choose>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>

    <xsl:if test="$a/event">
      <section class="card" id="record">
        <h2><xsl:value-of select="$M/access.record"/></h2>
        <ul>
          <xsl:for-each select="$a/event">
            <li>
              <xsl:call-template name="datetime"><xsl:with-param name="v" select="@at"/></xsl:call-template>
              <xsl:value-of select="concat(' · ', actor, ': ')"/>
              <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('access.event.', @event)"/></xsl:call-template>
              <xsl:if test="subject and subject != actor"><xsl:value-of select="concat(' ', subject)"/></xsl:if>
              <xsl:if test="contact"><xsl:value-of select="concat(' ', contact)"/></xsl:if>
              <xsl:if test="@rights">
                <xsl:text> (</xsl:text>
                <xsl:call-template name="rights-label"><xsl:with-param name="rights" select="@rights"/></xsl:call-template>
                <xsl:text>)</xsl:text>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ accept -->
  <xsl:template match="page[@section='accounts'][@name='accept']" mode="content">
    <xsl:variable name="i" select="invitation"/>
    <section class="card narrow">
      <h1><xsl:value-of select="$M/access.accept.title"/></h1>
      <xsl:call-template name="form-errors"/>
      <xsl:if test="$i">
        <p id="accept-question">
          <xsl:value-of select="$i/holder"/>
          <xsl:text> </xsl:text>
          <xsl:value-of select="$M/access.accept.offers"/>
        </p>
        <dl class="facts">
          <dt><xsl:value-of select="$M/accounts.number"/></dt><dd><xsl:value-of select="$i/number"/></dd>
          <dt><xsl:value-of select="$M/accounts.address"/></dt><dd><xsl:value-of select="$i/address"/></dd>
          <dt><xsl:value-of select="$M/accounts.organization"/></dt><dd><xsl:value-of select="$i/organization"/></dd>
          <dt><xsl:value-of select="$M/access.rights"/></dt>
          <dd id="accept-rights"><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('access.rights.', $i/@rights)"/></xsl:call-template></dd>
          <dt><xsl:value-of select="$M/access.until"/></dt>
          <dd><xsl:call-template name="datetime"><xsl:with-param name="v" select="$i/@expires"/></xsl:call-template></dd>
        </dl>
        <form method="post" action="/access/accept" class="actions" id="accept-form">
          <input type="hidden" name="csrf" value="{csrf}"/>
          <input type="hidden" name="token" value="{$i/token}"/>
          <button type="submit" name="answer" value="yes" class="primary" id="accept-yes"><xsl:value-of select="$M/access.accept.yes"/></button>
          <button type="submit" name="answer" value="no" class="secondary" id="accept-no"><xsl:value-of select="$M/access.accept.no"/></button>
        </form>
      </xsl:if>
      <p class="actions"><a href="/accounts"><xsl:value-of select="$M/accounts.title"/></a></p>
    </section>
  </xsl:template>

  <!-- ============================================================ balance alert -->
  <xsl:template match="page[@section='accounts'][@name='alert']" mode="content">
    <xsl:variable name="a" select="balance-alert"/>
    <section class="card narrow wide-form" id="balance-alert">
      <h1><xsl:value-of select="$M/alert.title"/></h1>
      <p id="alert-account">
        <xsl:value-of select="$M/accounts.number"/>
        <xsl:text> № </xsl:text>
        <strong><xsl:value-of select="$a/number"/></strong>
        <xsl:value-of select="concat(' · ', $a/address)"/>
      </p>
      <p class="hint"><xsl:value-of select="$M/alert.intro"/></p>
      <xsl:if test="done = 'alert-set' or done = 'alert-off'">
        <p class="notice" role="status" id="done">
          <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('alert.done.', done)"/></xsl:call-template>
        </p>
      </xsl:if>
      <p id="alert-state">
        <xsl:choose>
          <xsl:when test="$a/threshold">
            <xsl:value-of select="concat($M/alert.now, ' ')"/>
            <strong><xsl:value-of select="$a/threshold"/></strong>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$M/alert.none"/></xsl:otherwise>
        </xsl:choose>
      </p>
      <form method="post" action="/accounts/alert" class="stacked" id="alert-form">
        <input type="hidden" name="csrf" value="{csrf}"/>
        <label for="threshold"><xsl:value-of select="$M/alert.threshold"/></label>
        <input type="text" id="threshold" name="threshold" required="required" maxlength="24"
               inputmode="decimal" autocomplete="off">
          <xsl:attribute name="value">
            <xsl:choose>
              <xsl:when test="typed[@name = 'threshold']"><xsl:value-of select="typed[@name = 'threshold']"/></xsl:when>
              <xsl:when test="$a/threshold"><xsl:value-of select="$a/threshold/@minor div 100"/></xsl:when>
            </xsl:choose>
          </xsl:attribute>
        </input>
        <xsl:call-template name="field-error"><xsl:with-param name="name">threshold</xsl:with-param></xsl:call-template>
        <div class="actions">
          <button type="submit" class="primary" id="alert-submit"><xsl:value-of select="$M/alert.set"/></button>
        </div>
      </form>
      <xsl:if test="$a/threshold">
        <form method="post" action="/accounts/alert" class="actions" id="alert-off-form">
          <input type="hidden" name="csrf" value="{csrf}"/>
          <button type="submit" name="answer" value="off" class="secondary" id="alert-off"><xsl:value-of select="$M/alert.off"/></button>
        </form>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- ============================================================ join -->
  <xsl:template match="page[@section='accounts'][@name='join']" mode="content">
    <xsl:variable name="j" select="join"/>
    <section class="card narrow wide-form" id="join">
      <h1><xsl:value-of select="$M/join.title"/></h1>
      <xsl:call-template name="form-errors"/>
      <xsl:if test="$j">
        <p id="join-question"><xsl:value-of select="concat($j/holder, ' ', $M/join.offers)"/></p>
        <dl class="facts">
          <dt><xsl:value-of select="$M/accounts.number"/></dt><dd><xsl:value-of select="$j/number"/></dd>
          <dt><xsl:value-of select="$M/accounts.address"/></dt><dd><xsl:value-of select="$j/address"/></dd>
          <dt><xsl:value-of select="$M/access.rights"/></dt>
          <dd><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('access.rights.', $j/@rights)"/></xsl:call-template></dd>
          <dt><xsl:value-of select="$M/join.login"/></dt><dd id="join-login"><xsl:value-of select="$j/login"/></dd>
        </dl>
        <form method="post" action="/access/join" class="stacked" id="join-form">
          <input type="hidden" name="csrf" value="{csrf}"/>
          <input type="hidden" name="token" value="{$j/token}"/>
          <label for="join-name"><xsl:value-of select="$M/join.name"/></label>
          <input type="text" id="join-name" name="name" value="{typed[@name = 'name']}" required="required"
                 maxlength="200" autocomplete="name"/>
          <xsl:call-template name="field-error"><xsl:with-param name="name">name</xsl:with-param></xsl:call-template>
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
            <button type="submit" class="primary" id="join-submit"><xsl:value-of select="$M/join.submit"/></button>
          </div>
        </form>
        <p class="hint"><a href="/login?next=/access/accept%3Ftoken%3D{$j/token}" id="join-login-instead"><xsl:value-of select="$M/join.have-login"/></a></p>
      </xsl:if>
    </section>
  </xsl:template>

</xsl:stylesheet>
