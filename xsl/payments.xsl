<?xml version="1.0" encoding="UTF-8"?>
<!-- payments.xsl: payment history, the payment form and its preview, the result, autopay. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="page[@section='payments']" mode="title">
    <xsl:choose>
      <xsl:when test="@name = 'pay'"><xsl:value-of select="$M/pay.title"/></xsl:when>
      <xsl:when test="@name = 'result'"><xsl:value-of select="$M/pay.result"/></xsl:when>
      <xsl:when test="@name = 'autopay'"><xsl:value-of select="$M/pay.autopay"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$M/pay.history"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="pay-tabs">
    <p class="tabs no-print">
      <a href="/payments" id="tab-history"><xsl:value-of select="$M/pay.history"/></a>
      <xsl:text> · </xsl:text>
      <a href="/payments/pay" id="tab-pay"><xsl:value-of select="$M/pay.title"/></a>
      <xsl:text> · </xsl:text>
      <a href="/payments/autopay" id="tab-autopay"><xsl:value-of select="$M/pay.autopay"/></a>
    </p>
  </xsl:template>

  <!-- A cancellation reason from the provider, in words; a generic one if we have none. -->
  <xsl:template name="reason">
    <xsl:param name="code"/>
    <xsl:variable name="text">
      <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('reason.', $code)"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="string($text)"><xsl:value-of select="$text"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$M/reason.other"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ history -->
  <xsl:template match="page[@section='payments'][@name='history']" mode="content">
    <xsl:variable name="p" select="payments"/>
    <section class="card">
      <div class="card-head">
        <h1><xsl:value-of select="$M/pay.history"/></h1>
        <a class="button primary no-print" href="/payments/pay" id="pay-button"><xsl:value-of select="$M/pay.pay"/></a>
      </div>
      <xsl:call-template name="pay-tabs"/>
      <form method="get" action="/payments" class="filter no-print" id="period-form">
        <fieldset>
          <legend class="visually-hidden"><xsl:value-of select="$M/pay.filter"/></legend>
          <div>
            <label for="from"><xsl:value-of select="$M/pay.from"/></label>
            <input type="month" id="from" name="from" value="{period/from}"
                   min="2000-01" max="2099-12" aria-describedby="from-format"/>
            <span class="format" id="from-format"><xsl:value-of select="$M/pay.month-format"/></span>
          </div>
          <div>
            <label for="to"><xsl:value-of select="$M/pay.to"/></label>
            <input type="month" id="to" name="to" value="{period/to}"
                   min="2000-01" max="2099-12" aria-describedby="to-format"/>
            <span class="format" id="to-format"><xsl:value-of select="$M/pay.month-format"/></span>
          </div>
          <div>
            <label for="all"><xsl:value-of select="$M/pay.which"/></label>
            <select id="all" name="all">
              <option value=""><xsl:value-of select="$M/pay.current-account"/></option>
              <option value="1">
                <xsl:if test="$p/@all"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="$M/pay.all-accounts"/>
              </option>
            </select>
          </div>
          <div>
            <label for="service"><xsl:value-of select="$M/pay.by-service"/></label>
            <select id="service" name="service">
              <option value=""><xsl:value-of select="$M/pay.any-service"/></option>
              <xsl:for-each select="$p/services/service">
                <xsl:sort select="."/>
                <option value="{@id}">
                  <xsl:if test="@id = $p/@service"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:value-of select="."/>
                </option>
              </xsl:for-each>
            </select>
          </div>
          <div>
            <label for="channel"><xsl:value-of select="$M/pay.by-channel"/></label>
            <select id="channel" name="channel">
              <option value=""><xsl:value-of select="$M/pay.any-channel"/></option>
              <xsl:for-each select="$p/channels/channel">
                <xsl:sort select="."/>
                <option value="{.}">
                  <xsl:if test=". = $p/@channel"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('channel.', current())"/></xsl:call-template>
                </option>
              </xsl:for-each>
            </select>
          </div>
          <div>
            <label for="sort"><xsl:value-of select="$M/pay.sort"/></label>
            <select id="sort" name="sort">
              <xsl:call-template name="sort-option">
                <xsl:with-param name="v">newest</xsl:with-param>
                <xsl:with-param name="label" select="$M/pay.sort.newest"/>
              </xsl:call-template>
              <xsl:call-template name="sort-option">
                <xsl:with-param name="v">oldest</xsl:with-param>
                <xsl:with-param name="label" select="$M/pay.sort.oldest"/>
              </xsl:call-template>
              <xsl:call-template name="sort-option">
                <xsl:with-param name="v">largest</xsl:with-param>
                <xsl:with-param name="label" select="$M/pay.sort.largest"/>
              </xsl:call-template>
              <xsl:call-template name="sort-option">
                <xsl:with-param name="v">smallest</xsl:with-param>
                <xsl:with-param name="label" select="$M/pay.sort.smallest"/>
              </xsl:call-template>
            </select>
          </div>
          <button type="submit" class="secondary" id="period-submit"><xsl:value-of select="$M/pay.show"/></button>
        </fieldset>
        <xsl:call-template name="field-error"><xsl:with-param name="name">from</xsl:with-param></xsl:call-template>
        <xsl:call-template name="field-error"><xsl:with-param name="name">to</xsl:with-param></xsl:call-template>
      </form>
      <xsl:choose>
        <xsl:when test="not($p/payment)">
          <p id="no-payments"><xsl:value-of select="$M/pay.none"/></p>
        </xsl:when>
        <xsl:otherwise>
          <div class="table-wrap">
            <table class="data" id="payments">
              <thead>
                <tr>
                  <th scope="col"><xsl:value-of select="$M/pay.when"/></th>
                  <th scope="col"><xsl:value-of select="$M/pay.account"/></th>
                  <th scope="col" class="num"><xsl:value-of select="$M/pay.amount"/></th>
                  <th scope="col"><xsl:value-of select="$M/pay.source"/></th>
                  <th scope="col"><xsl:value-of select="$M/pay.status"/></th>
                  <th scope="col"><xsl:value-of select="$M/pay.split"/></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="$p/payment">
                  <tr id="payment-{@id}" class="status-{@status}">
                    <td><xsl:call-template name="datetime"><xsl:with-param name="v" select="at"/></xsl:call-template></td>
                    <td><xsl:value-of select="account"/></td>
                    <td class="num"><xsl:value-of select="amount"/></td>
                    <td>
                      <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('channel.', current()/@channel)"/></xsl:call-template>
                      <xsl:if test="bank">
                        <br/><span class="muted small"><xsl:value-of select="bank"/></span>
                      </xsl:if>
                      <xsl:for-each select="fiscal">
                        <br/><xsl:call-template name="fiscal-numbers"/>
                      </xsl:for-each>
                    </td>
                    <td>
                      <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('status.', current()/@status)"/></xsl:call-template>
                    </td>
                    <td class="small">
                      <xsl:for-each select="line">
                        <div>
                          <xsl:value-of select="service"/>
                          <xsl:text>: </xsl:text>
                          <xsl:value-of select="amount"/>
                        </div>
                      </xsl:for-each>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
          <xsl:call-template name="downloads">
            <xsl:with-param name="base" select="concat('/payments?from=', period/from, '&amp;to=', period/to,
                                                       substring('&amp;all=1', 1, 6 * boolean($p/@all)),
                                                       substring(concat('&amp;service=', $p/@service), 1, 99 * boolean($p/@service)),
                                                       substring(concat('&amp;channel=', $p/@channel), 1, 99 * boolean($p/@channel)),
                                                       '&amp;sort=', $p/@sort)"/>
          </xsl:call-template>
          <xsl:if test="$p/@truncated">
            <p class="alert" id="truncated"><xsl:value-of select="$M/pay.truncated"/></p>
          </xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="sort-option">
    <xsl:param name="v"/>
    <xsl:param name="label"/>
    <option value="{$v}">
      <xsl:if test="$v = payments/@sort"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
      <xsl:value-of select="$label"/>
    </option>
  </xsl:template>

  <!-- ============================================================ the form -->
  <xsl:template match="page[@section='payments'][@name='pay']" mode="content">
    <xsl:variable name="f" select="pay"/>
    <section class="card">
      <h1><xsl:value-of select="$M/pay.title"/></h1>
      <xsl:call-template name="pay-tabs"/>
      <xsl:choose>
        <xsl:when test="not($f/account)">
          <p id="no-account"><xsl:value-of select="$M/pay.no-account"/></p>
          <p><a class="button" href="/accounts/add"><xsl:value-of select="$M/pay.add-account"/></a></p>
        </xsl:when>
        <xsl:when test="$f/@off">
          <p class="alert" id="pay-off"><xsl:value-of select="$M/pay.off"/></p>
        </xsl:when>
        <xsl:when test="$f/@preview">
          <xsl:call-template name="pay-preview"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="pay-form"/>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template name="pay-form">
    <xsl:variable name="f" select="pay"/>
    <p><xsl:value-of select="$M/pay.intro"/></p>
    <xsl:call-template name="form-errors"/>
    <xsl:if test="error[@field]">
      <p class="alert" role="alert" id="form-error"><xsl:value-of select="$M/error.form-invalid"/></p>
    </xsl:if>
    <form method="post" action="/payments/pay" id="pay-form">
      <input type="hidden" name="csrf" value="{csrf}"/>
      <input type="hidden" name="key" value="{$f/@key}"/>
      <xsl:for-each select="$f/account">
        <fieldset class="pay-account" id="account-{@id}">
          <legend>
            <xsl:value-of select="$M/pay.account"/>
            <xsl:text> № </xsl:text>
            <xsl:value-of select="number"/>
          </legend>
          <p class="muted small">
            <xsl:value-of select="address"/>
            <xsl:text> · </xsl:text>
            <xsl:value-of select="organization"/>
          </p>
          <p>
            <xsl:value-of select="$M/pay.due"/>
            <xsl:text>: </xsl:text>
            <strong id="due-{@id}"><xsl:value-of select="due"/></strong>
            <xsl:if test="advance/@minor &gt; 0">
              <xsl:text> (</xsl:text>
              <xsl:value-of select="$M/pay.advance"/>
              <xsl:text> </xsl:text>
              <span class="money advance" id="advance-{@id}"><xsl:value-of select="advance"/></span>
              <xsl:text>)</xsl:text>
            </xsl:if>
          </p>
          <xsl:choose>
            <xsl:when test="@payable">
              <label for="{@field}"><xsl:value-of select="$M/pay.amount-label"/></label>
              <input type="text" id="{@field}" name="{@field}" value="{@value}" inputmode="decimal"
                     maxlength="24" size="14" autocomplete="off"/>
              <xsl:call-template name="field-error"><xsl:with-param name="name" select="@field"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <p class="muted" id="not-payable-{@id}"><xsl:value-of select="$M/pay.not-payable"/></p>
              <xsl:call-template name="field-error"><xsl:with-param name="name" select="@field"/></xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </fieldset>
      </xsl:for-each>
      <p class="muted small" id="limits">
        <xsl:value-of select="$M/pay.limits"/>
        <xsl:text> </xsl:text>
        <xsl:value-of select="limits/min"/>
        <xsl:text> – </xsl:text>
        <xsl:value-of select="limits/max"/>
      </p>
      <div class="check">
        <input type="checkbox" id="save" name="save" value="1">
          <xsl:if test="$f/@save"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
        </input>
        <label for="save"><xsl:value-of select="$M/pay.save"/></label>
      </div>
      <div class="actions">
        <button type="submit" name="action" value="preview" class="primary" id="pay-next">
          <xsl:value-of select="$M/pay.next"/>
        </button>
      </div>
    </form>
  </xsl:template>

  <xsl:template name="pay-preview">
    <xsl:variable name="f" select="pay"/>
    <xsl:call-template name="form-errors"/>
    <xsl:if test="error[@field]">
      <p class="alert" role="alert" id="form-error"><xsl:value-of select="$M/error.form-invalid"/></p>
    </xsl:if>
    <p class="notice" role="status" id="preview-title"><xsl:value-of select="$M/pay.preview"/></p>
    <form method="post" action="/payments/pay" id="pay-confirm">
      <input type="hidden" name="csrf" value="{csrf}"/>
      <input type="hidden" name="key" value="{$f/@key}"/>
      <xsl:if test="$f/@save"><input type="hidden" name="save" value="1"/></xsl:if>
      <xsl:for-each select="$f/account[amount]">
        <input type="hidden" name="{@field}" value="{@value}"/>
        <h2 id="split-{@id}">
          <xsl:value-of select="$M/pay.account"/>
          <xsl:text> № </xsl:text>
          <xsl:value-of select="number"/>
          <xsl:text>: </xsl:text>
          <xsl:value-of select="amount"/>
        </h2>
        <div class="table-wrap">
          <table class="data split">
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="$M/pay.service"/></th>
                <th scope="col"><xsl:value-of select="$M/pay.supplier"/></th>
                <th scope="col" class="num"><xsl:value-of select="$M/pay.balance"/></th>
                <th scope="col" class="num"><xsl:value-of select="$M/pay.share"/></th>
                <th scope="col" class="num"><xsl:value-of select="$M/pay.after"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="split/line">
                <tr id="line-{../../@id}-{@service}">
                  <td><xsl:value-of select="service"/></td>
                  <td><xsl:value-of select="supplier"/></td>
                  <td class="num"><xsl:apply-templates select="balance" mode="balance"/></td>
                  <td class="num">
                    <label for="{@field}" class="visually-hidden">
                      <xsl:value-of select="concat($M/pay.share-label, ' ', service)"/>
                    </label>
                    <input type="text" id="{@field}" name="{@field}" value="{@value}" inputmode="decimal"
                           maxlength="24" size="10" autocomplete="off" class="share"/>
                    <xsl:call-template name="field-error"><xsl:with-param name="name" select="@field"/></xsl:call-template>
                  </td>
                  <td class="num"><xsl:apply-templates select="after" mode="balance"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
        <p class="small">
          <xsl:value-of select="$M/pay.after"/>
          <xsl:text> </xsl:text>
          <strong id="due-after-{@id}"><xsl:value-of select="split/due-after"/></strong>
        </p>
      </xsl:for-each>
      <p class="muted small"><xsl:value-of select="$M/pay.rule"/></p>
      <xsl:for-each select="$f/account[not(amount)][@payable]">
        <input type="hidden" name="{@field}" value=""/>
      </xsl:for-each>
      <p class="total">
        <xsl:value-of select="$M/pay.total"/>
        <xsl:text> </xsl:text>
        <strong id="pay-total"><xsl:value-of select="$f/total"/></strong>
      </p>
      <p class="muted small"><xsl:value-of select="$M/pay.card-note"/></p>
      <div class="actions">
        <!-- First: Enter in a share's field recalculates, it neither pays nor goes back. -->
        <button type="submit" name="action" value="preview" class="secondary" id="pay-recalc">
          <xsl:value-of select="$M/pay.recalc"/>
        </button>
        <button type="submit" name="action" value="back" class="secondary" id="pay-back">
          <xsl:value-of select="$M/pay.back"/>
        </button>
        <button type="submit" name="action" value="pay" class="primary" id="pay-go">
          <xsl:value-of select="$M/pay.go"/>
          <xsl:text> </xsl:text>
          <xsl:value-of select="$f/total"/>
        </button>
      </div>
    </form>
  </xsl:template>

  <!-- ============================================================ result -->
  <xsl:template match="page[@section='payments'][@name='result']" mode="content">
    <xsl:variable name="r" select="result"/>
    <section class="card">
      <h1><xsl:value-of select="$M/pay.result"/></h1>
      <xsl:choose>
        <xsl:when test="$r/@status = 'succeeded'">
          <p class="notice" role="status" id="result-succeeded">
            <xsl:value-of select="$M/pay.succeeded"/>
            <xsl:text> </xsl:text>
            <strong><xsl:value-of select="$r/amount"/></strong>
          </p>
        </xsl:when>
        <xsl:when test="$r/@status = 'canceled'">
          <p class="alert" role="alert" id="result-canceled">
            <xsl:value-of select="$M/pay.canceled"/>
            <xsl:text> </xsl:text>
            <xsl:call-template name="reason"><xsl:with-param name="code" select="$r/reason"/></xsl:call-template>
          </p>
          <p><a class="button" href="/payments/pay" id="try-again"><xsl:value-of select="$M/pay.try-again"/></a></p>
        </xsl:when>
        <xsl:otherwise>
          <p class="notice" role="status" id="result-pending">
            <xsl:value-of select="$M/pay.pending"/>
          </p>
          <p><a href="/payments/result?id={$r/@id}" id="refresh"><xsl:value-of select="$M/pay.refresh"/></a></p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$r/@unchecked">
        <p class="muted small" id="unchecked"><xsl:value-of select="$M/pay.unchecked"/></p>
      </xsl:if>
      <xsl:for-each select="$r/fiscal">
        <h2><xsl:value-of select="$M/pay.fiscal"/></h2>
        <dl class="facts" id="fiscal">
          <dt><xsl:value-of select="$M/pay.fiscal.fn"/></dt><dd id="fiscal-fn"><xsl:value-of select="@fn"/></dd>
          <dt><xsl:value-of select="$M/pay.fiscal.fd"/></dt><dd id="fiscal-fd"><xsl:value-of select="@fd"/></dd>
          <dt><xsl:value-of select="$M/pay.fiscal.fp"/></dt><dd id="fiscal-fp"><xsl:value-of select="@fp"/></dd>
          <xsl:if test="@at">
            <dt><xsl:value-of select="$M/pay.fiscal.at"/></dt>
            <dd><xsl:call-template name="datetime"><xsl:with-param name="v" select="@at"/></xsl:call-template></dd>
          </xsl:if>
        </dl>
        <xsl:if test="@url">
          <p><a href="{@url}" id="fiscal-link" rel="noopener noreferrer"><xsl:value-of select="$M/pay.fiscal.check"/></a></p>
        </xsl:if>
      </xsl:for-each>
      <xsl:if test="$r/@fiscal = 'waiting'">
        <p class="muted small" id="fiscal-waiting"><xsl:value-of select="$M/pay.fiscal.waiting"/></p>
      </xsl:if>
      <ul id="result-accounts">
        <xsl:for-each select="$r/account">
          <li>
            <xsl:value-of select="$M/pay.account"/>
            <xsl:text> № </xsl:text>
            <xsl:value-of select="number"/>
          </li>
        </xsl:for-each>
      </ul>
      <xsl:if test="$r/@can-autopay">
        <h2><xsl:value-of select="$M/pay.autopay-offer"/></h2>
        <p><xsl:value-of select="$M/pay.autopay-intro"/><xsl:text> </xsl:text><strong><xsl:value-of select="$r/card"/></strong></p>
        <xsl:for-each select="$r/account">
          <xsl:call-template name="autopay-form">
            <xsl:with-param name="payment" select="$r/@id"/>
            <xsl:with-param name="account" select="@id"/>
            <xsl:with-param name="number" select="number"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:if>
      <p class="no-print"><a href="/payments" id="to-history"><xsl:value-of select="$M/pay.history"/></a></p>
    </section>
  </xsl:template>

  <!-- A fiscal receipt in a line: its numbers, and its page at the operator when known. -->
  <xsl:template name="fiscal-numbers">
    <span class="muted small fiscal">
      <xsl:value-of select="concat($M/pay.fiscal.short, ' ', $M/pay.fiscal.fn-short, ' ', @fn, ', ',
                                   $M/pay.fiscal.fd-short, ' ', @fd, ', ', $M/pay.fiscal.fp-short, ' ', @fp)"/>
      <xsl:if test="@url">
        <xsl:text> </xsl:text>
        <a href="{@url}" rel="noopener noreferrer"><xsl:value-of select="$M/pay.fiscal.check"/></a>
      </xsl:if>
    </span>
  </xsl:template>

  <xsl:template name="autopay-form">
    <xsl:param name="payment"/>
    <xsl:param name="account"/>
    <xsl:param name="number"/>
    <xsl:param name="day" select="''"/>
    <xsl:param name="max" select="''"/>
    <form method="post" action="/payments/autopay" class="autopay-form" id="autopay-form-{$account}">
      <input type="hidden" name="csrf" value="{/page/csrf}"/>
      <input type="hidden" name="id" value="{$payment}"/>
      <input type="hidden" name="account" value="{$account}"/>
      <fieldset>
        <legend>
          <xsl:value-of select="$M/pay.account"/>
          <xsl:text> № </xsl:text>
          <xsl:value-of select="$number"/>
        </legend>
        <div>
          <label for="day-{$account}"><xsl:value-of select="$M/pay.day"/></label>
          <select id="day-{$account}" name="day">
            <option value=""><xsl:value-of select="$M/pay.choose-day"/></option>
            <xsl:call-template name="day-options"><xsl:with-param name="chosen" select="$day"/></xsl:call-template>
          </select>
          <xsl:call-template name="field-error"><xsl:with-param name="name">day</xsl:with-param></xsl:call-template>
        </div>
        <div>
          <label for="max-{$account}"><xsl:value-of select="$M/pay.max"/></label>
          <input type="text" id="max-{$account}" name="max" value="{$max}" inputmode="decimal" maxlength="24" size="12"/>
          <xsl:call-template name="field-error"><xsl:with-param name="name">max</xsl:with-param></xsl:call-template>
        </div>
        <button type="submit" name="action" value="enable" class="primary" id="autopay-enable-{$account}">
          <xsl:value-of select="$M/pay.enable"/>
        </button>
      </fieldset>
    </form>
  </xsl:template>

  <xsl:template name="day-options">
    <xsl:param name="n" select="1"/>
    <xsl:param name="chosen"/>
    <option value="{$n}">
      <xsl:if test="string($n) = string($chosen)"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
      <xsl:value-of select="$n"/>
    </option>
    <xsl:if test="$n &lt; 28">
      <xsl:call-template name="day-options">
        <xsl:with-param name="n" select="$n + 1"/>
        <xsl:with-param name="chosen" select="$chosen"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ autopay -->
  <xsl:template match="page[@section='payments'][@name='autopay']" mode="content">
    <section class="card">
      <h1><xsl:value-of select="$M/pay.autopay"/></h1>
      <xsl:call-template name="pay-tabs"/>
      <xsl:if test="autopays/@done">
        <p class="notice" role="status" id="autopay-done"><xsl:value-of select="$M/pay.autopay-saved"/></p>
      </xsl:if>
      <xsl:if test="enable">
        <p class="alert" role="alert" id="form-error"><xsl:value-of select="$M/error.form-invalid"/></p>
        <xsl:call-template name="autopay-form">
          <xsl:with-param name="payment" select="enable/@payment"/>
          <xsl:with-param name="account" select="enable/@account"/>
          <xsl:with-param name="number" select="enable/number"/>
          <xsl:with-param name="day" select="enable/@day"/>
          <xsl:with-param name="max" select="enable/@max"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="autopays/autopay">
          <div class="table-wrap">
            <table class="data" id="autopays">
              <thead>
                <tr>
                  <th scope="col"><xsl:value-of select="$M/pay.account"/></th>
                  <th scope="col"><xsl:value-of select="$M/pay.card"/></th>
                  <th scope="col" class="num"><xsl:value-of select="$M/pay.day"/></th>
                  <th scope="col" class="num"><xsl:value-of select="$M/pay.max"/></th>
                  <th scope="col"><span class="visually-hidden"><xsl:value-of select="$M/pay.disable"/></span></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="autopays/autopay">
                  <tr id="autopay-{@id}">
                    <td><xsl:value-of select="account"/><br/><span class="muted small"><xsl:value-of select="address"/></span></td>
                    <td><xsl:value-of select="card"/></td>
                    <td class="num"><xsl:value-of select="@day"/></td>
                    <td class="num"><xsl:value-of select="max"/></td>
                    <td>
                      <form method="post" action="/payments/autopay">
                        <input type="hidden" name="csrf" value="{/page/csrf}"/>
                        <input type="hidden" name="id" value="{@id}"/>
                        <button type="submit" name="action" value="disable" class="secondary" id="disable-{@id}">
                          <xsl:value-of select="$M/pay.disable"/>
                        </button>
                      </form>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
          <p class="muted small"><xsl:value-of select="$M/pay.autopay-how"/></p>
        </xsl:when>
        <xsl:when test="not(enable)">
          <p id="no-autopay"><xsl:value-of select="$M/pay.no-autopay"/></p>
        </xsl:when>
      </xsl:choose>
    </section>
  </xsl:template>

</xsl:stylesheet>
