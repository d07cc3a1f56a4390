<?xml version="1.0" encoding="UTF-8"?>
<!-- services.xsl: the current account's services, its ledger by month, and the printable statement. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="page[@section='services']" mode="title">
    <xsl:choose>
      <xsl:when test="@name = 'statement'">
        <xsl:value-of select="$M/statement.title"/>
        <xsl:if test="statement">
          <xsl:text>: </xsl:text>
          <xsl:value-of select="statement/name"/>
        </xsl:if>
      </xsl:when>
      <xsl:when test="@name = 'reconciliation'"><xsl:value-of select="$M/act.title"/></xsl:when>
      <xsl:when test="@name = 'rendered'"><xsl:value-of select="$M/rendered.title"/></xsl:when>
      <xsl:when test="@name = 'documents'"><xsl:value-of select="$M/docs.title"/></xsl:when>
      <xsl:when test="@name = 'events'"><xsl:value-of select="$M/events.title"/></xsl:when>
      <xsl:when test="@name = 'usage'"><xsl:call-template name="usage-title"/></xsl:when>
      <xsl:when test="@name = 'invoice'">
        <xsl:value-of select="$M/inv.title"/>
        <xsl:if test="invoice"><xsl:value-of select="concat(' № ', invoice/@number)"/></xsl:if>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$M/services.title"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="account-head">
    <p class="account-head" id="account-head">
      <xsl:value-of select="$M/accounts.number"/>
      <xsl:text> № </xsl:text>
      <strong><xsl:value-of select="number"/></strong>
      <xsl:text> · </xsl:text>
      <xsl:value-of select="address"/>
      <xsl:text> · </xsl:text>
      <xsl:value-of select="payer"/>
    </p>
  </xsl:template>

  <!-- ============================================================ overview -->
  <!-- Internet access: each line's plan, login and address, its state, and the promised payment. -->
  <xsl:template match="connections">
    <h2><xsl:value-of select="$M/services.lines"/></h2>
    <xsl:for-each select="connection">
      <div class="line-card" id="line-{@service}">
        <h3><xsl:value-of select="name"/></h3>
        <dl class="facts">
          <dt><xsl:value-of select="$M/services.line.plan"/></dt>
          <dd id="line-{@service}-plan"><xsl:value-of select="plan"/></dd>
          <dt><xsl:value-of select="$M/services.line.speed"/></dt>
          <dd><xsl:value-of select="concat(format-number(speed div 1000, '0.#'), ' ', $M/services.line.mbps)"/></dd>
          <dt><xsl:value-of select="$M/services.line.fee"/></dt>
          <dd><xsl:value-of select="fee"/></dd>
          <dt><xsl:value-of select="$M/services.line.login"/></dt>
          <dd id="line-{@service}-login"><xsl:value-of select="login"/></dd>
          <xsl:if test="ip">
            <dt><xsl:value-of select="$M/services.line.ip"/></dt>
            <dd id="line-{@service}-ip"><xsl:value-of select="ip"/></dd>
          </xsl:if>
          <dt><xsl:value-of select="$M/services.line.state"/></dt>
          <dd id="line-{@service}-state">
            <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('services.line.', @state)"/></xsl:call-template>
          </dd>
        </dl>
        <xsl:if test="promise/@running">
          <p class="notice" id="line-{@service}-promise">
            <xsl:value-of select="$M/services.promise.running"/>
            <xsl:text> </xsl:text>
            <xsl:call-template name="datetime"><xsl:with-param name="v" select="promise/@until"/></xsl:call-template>
          </p>
        </xsl:if>
        <xsl:if test="@state = 'suspended' and promise-rule and not(promise/@running)">
          <xsl:choose>
            <xsl:when test="promise-rule/@used">
              <p class="muted" id="line-{@service}-used"><xsl:value-of select="$M/services.promise.used"/></p>
            </xsl:when>
            <xsl:when test="../@may-ask">
              <form method="post" action="/services/promise" class="stacked" id="promise-{@service}">
                <input type="hidden" name="csrf" value="{/page/csrf}"/>
                <input type="hidden" name="service" value="{@service}"/>
                <p class="hint"><xsl:value-of select="concat($M/services.promise.offer1, ' ', promise-rule/@days, ' ', $M/services.promise.offer2, ' ', promise-rule/limit, '.')"/></p>
                <button type="submit" class="primary"><xsl:value-of select="$M/services.promise.ask"/></button>
              </form>
            </xsl:when>
          </xsl:choose>
        </xsl:if>
      </div>
    </xsl:for-each>
  </xsl:template>

  <!-- Alarm monitoring: each protected object, its state, and its event log. -->
  <xsl:template match="objects">
    <h2><xsl:value-of select="$M/events.objects"/></h2>
    <xsl:for-each select="object">
      <div class="line-card" id="object-{@service}">
        <h3><xsl:value-of select="name"/></h3>
        <dl class="facts">
          <dt><xsl:value-of select="$M/events.address"/></dt>
          <dd id="object-{@service}-address"><xsl:value-of select="address"/></dd>
          <dt><xsl:value-of select="$M/events.type"/></dt>
          <dd><xsl:value-of select="type"/></dd>
          <dt><xsl:value-of select="$M/events.state"/></dt>
          <dd id="object-{@service}-state">
            <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('events.state.', @state)"/></xsl:call-template>
          </dd>
        </dl>
        <xsl:if test="/page/@name = 'overview'">
          <p><a href="/events" id="object-{@service}-events"><xsl:value-of select="$M/events.log"/></a></p>
        </xsl:if>
      </div>
    </xsl:for-each>
  </xsl:template>

  <!-- Telephony and internet: where the lines' calls and sessions are listed. -->
  <xsl:template match="usage-kinds">
    <p class="no-print" id="usage-links">
      <xsl:for-each select="kind">
        <xsl:if test="position() &gt; 1"><xsl:text> · </xsl:text></xsl:if>
        <a href="/usage?kind={.}" id="usage-{.}">
          <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('usage.of.', .)"/></xsl:call-template>
        </a>
      </xsl:for-each>
    </p>
  </xsl:template>

  <xsl:template name="usage-title">
    <xsl:choose>
      <xsl:when test="/page/usage/@kind"><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('usage.of.', /page/usage/@kind)"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:value-of select="$M/usage.title"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Seconds as H:MM:SS (a call of a minute and a half: 0:01:30). -->
  <xsl:template name="duration">
    <xsl:param name="s"/>
    <xsl:value-of select="concat(floor($s div 3600), ':', format-number(floor($s mod 3600 div 60), '00'), ':', format-number($s mod 60, '00'))"/>
  </xsl:template>

  <!-- Bytes as megabytes with one decimal, in the page's way of writing it. -->
  <xsl:template name="megabytes">
    <xsl:param name="b"/>
    <xsl:variable name="mb" select="format-number($b div 1048576, '0.0')"/>
    <xsl:choose>
      <xsl:when test="$lang = 'ru'"><xsl:value-of select="concat(translate($mb, '.', ','), ' ', $M/usage.mb)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($mb, ' ', $M/usage.mb)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page[@section='services'][@name='usage']" mode="content">
    <section class="card" id="usage-page">
      <h1><xsl:call-template name="usage-title"/></h1>
      <xsl:choose>
        <xsl:when test="no-account">
          <p id="no-account"><xsl:value-of select="$M/services.no-account"/></p>
          <p><a class="button" href="/accounts/add"><xsl:value-of select="$M/accounts.add"/></a></p>
        </xsl:when>
        <xsl:when test="not(usage-kinds/kind)">
          <xsl:apply-templates select="account-head"/>
          <p id="no-usage"><xsl:value-of select="$M/usage.nothing"/></p>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="account-head"/>
          <xsl:call-template name="period-form">
            <xsl:with-param name="action" select="'/usage'"/>
            <xsl:with-param name="extra">
              <div>
                <label for="kind"><xsl:value-of select="$M/usage.kind"/></label>
                <select id="kind" name="kind">
                  <option value=""><xsl:value-of select="$M/usage.title"/></option>
                  <xsl:for-each select="/page/usage-kinds/kind">
                    <option value="{.}">
                      <xsl:if test=". = /page/usage/@kind"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                      <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('usage.of.', .)"/></xsl:call-template>
                    </option>
                  </xsl:for-each>
                </select>
              </div>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="field-error"><xsl:with-param name="name">kind</xsl:with-param></xsl:call-template>
          <xsl:variable name="t" select="usage-totals"/>
          <xsl:choose>
            <xsl:when test="not(usage/record)">
              <p id="no-records"><xsl:value-of select="$M/usage.none"/></p>
            </xsl:when>
            <xsl:otherwise>
              <dl class="facts" id="usage-totals">
                <dt><xsl:value-of select="$M/usage.count"/></dt>
                <dd id="total-count"><xsl:value-of select="$t/@count"/></dd>
                <dt><xsl:value-of select="$M/usage.duration"/></dt>
                <dd id="total-duration"><xsl:call-template name="duration"><xsl:with-param name="s" select="$t/@seconds"/></xsl:call-template></dd>
                <xsl:if test="usage/record[@kind = 'session']">
                  <dt><xsl:value-of select="$M/usage.in"/></dt>
                  <dd id="total-in"><xsl:call-template name="megabytes"><xsl:with-param name="b" select="$t/@bytes-in"/></xsl:call-template></dd>
                  <dt><xsl:value-of select="$M/usage.out"/></dt>
                  <dd id="total-out"><xsl:call-template name="megabytes"><xsl:with-param name="b" select="$t/@bytes-out"/></xsl:call-template></dd>
                </xsl:if>
                <dt><xsl:value-of select="$M/usage.cost"/></dt>
                <dd id="total-cost"><xsl:value-of select="$t/cost"/></dd>
              </dl>
              <xsl:variable name="calls" select="boolean(usage/record[@kind = 'call'])"/>
              <xsl:variable name="sessions" select="boolean(usage/record[@kind = 'session'])"/>
              <div class="table-wrap">
                <table class="data" id="usage">
                  <caption class="visually-hidden"><xsl:call-template name="usage-title"/></caption>
                  <thead>
                    <tr>
                      <th scope="col"><xsl:value-of select="$M/usage.start"/></th>
                      <th scope="col"><xsl:value-of select="$M/usage.what"/></th>
                      <xsl:if test="$calls"><th scope="col"><xsl:value-of select="$M/usage.number"/></th></xsl:if>
                      <th scope="col" class="num"><xsl:value-of select="$M/usage.duration"/></th>
                      <xsl:if test="$sessions"><th scope="col" class="num"><xsl:value-of select="$M/usage.traffic"/></th></xsl:if>
                      <th scope="col" class="num"><xsl:value-of select="$M/usage.cost"/></th>
                    </tr>
                  </thead>
                  <tbody>
                    <xsl:for-each select="usage/record">
                      <tr class="usage-{@kind}">
                        <td><xsl:call-template name="datetime"><xsl:with-param name="v" select="@start"/></xsl:call-template></td>
                        <td>
                          <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('usage.one.', @kind)"/></xsl:call-template>
                          <span class="muted"><xsl:value-of select="concat(' · ', service-name)"/></span>
                        </td>
                        <xsl:if test="$calls"><td><xsl:value-of select="number"/></td></xsl:if>
                        <td class="num"><xsl:call-template name="duration"><xsl:with-param name="s" select="@seconds"/></xsl:call-template></td>
                        <xsl:if test="$sessions"><td class="num">
                          <xsl:if test="@bytes-in or @bytes-out">
                            <xsl:text>↓ </xsl:text>
                            <xsl:call-template name="megabytes"><xsl:with-param name="b" select="sum(@bytes-in)"/></xsl:call-template>
                            <br/>
                            <xsl:text>↑ </xsl:text>
                            <xsl:call-template name="megabytes"><xsl:with-param name="b" select="sum(@bytes-out)"/></xsl:call-template>
                          </xsl:if>
                        </td></xsl:if>
                        <td class="num">
                          <xsl:choose>
                            <xsl:when test="cost"><xsl:value-of select="cost"/></xsl:when>
                            <xsl:otherwise><span class="muted"><xsl:value-of select="$M/usage.in-plan"/></span></xsl:otherwise>
                          </xsl:choose>
                        </td>
                      </tr>
                    </xsl:for-each>
                  </tbody>
                </table>
              </div>
              <xsl:if test="usage/@truncated">
                <p class="alert" id="truncated"><xsl:value-of select="$M/usage.truncated"/></p>
              </xsl:if>
              <p class="no-print" id="usage-download">
                <xsl:value-of select="$M/usage.download"/>
                <xsl:text> </xsl:text>
                <a href="/usage?from={period/from}&amp;to={period/to}&amp;kind={usage/@kind}&amp;format=csv" id="usage-csv">CSV</a>
                <xsl:text> · </xsl:text>
                <a href="/usage?from={period/from}&amp;to={period/to}&amp;kind={usage/@kind}&amp;format=xlsx" id="usage-xlsx">XLSX</a>
              </p>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template match="page[@section='services'][@name='events']" mode="content">
    <section class="card" id="events-page">
      <h1><xsl:value-of select="$M/events.title"/></h1>
      <xsl:choose>
        <xsl:when test="no-account">
          <p id="no-account"><xsl:value-of select="$M/services.no-account"/></p>
          <p><a class="button" href="/accounts/add"><xsl:value-of select="$M/accounts.add"/></a></p>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="account-head"/>
          <xsl:choose>
            <xsl:when test="not(objects/object)">
              <p id="no-objects"><xsl:value-of select="$M/events.no-objects"/></p>
            </xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates select="objects"/>
              <xsl:call-template name="period-form"><xsl:with-param name="action" select="'/events'"/></xsl:call-template>
              <h2><xsl:value-of select="$M/events.log"/></h2>
              <xsl:choose>
                <xsl:when test="not(events/event)">
                  <p id="no-events"><xsl:value-of select="$M/events.none"/></p>
                </xsl:when>
                <xsl:otherwise>
                  <div class="table-wrap">
                    <table class="data" id="events">
                      <thead>
                        <tr>
                          <th scope="col"><xsl:value-of select="$M/events.when"/></th>
                          <th scope="col"><xsl:value-of select="$M/events.what"/></th>
                          <th scope="col"><xsl:value-of select="$M/events.zone"/></th>
                          <th scope="col"><xsl:value-of select="$M/events.who"/></th>
                        </tr>
                      </thead>
                      <tbody>
                        <xsl:for-each select="events/event">
                          <tr class="event-{@kind}">
                            <td><xsl:call-template name="datetime"><xsl:with-param name="v" select="@at"/></xsl:call-template></td>
                            <td><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('events.kind.', @kind)"/></xsl:call-template></td>
                            <td><xsl:value-of select="zone"/></td>
                            <td><xsl:value-of select="who"/></td>
                          </tr>
                        </xsl:for-each>
                      </tbody>
                    </table>
                  </div>
                  <xsl:if test="events/@truncated">
                    <p class="alert" id="truncated"><xsl:value-of select="$M/events.truncated"/></p>
                  </xsl:if>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <xsl:template match="page[@section='services'][@name='overview']" mode="content">
    <section class="card">
      <div class="card-head">
        <h1><xsl:value-of select="$M/services.title"/></h1>
        <xsl:if test="account-head">
          <a href="/accounts" class="no-print"><xsl:value-of select="$M/services.change"/></a>
        </xsl:if>
      </div>
      <xsl:choose>
        <xsl:when test="no-account">
          <p id="no-account"><xsl:value-of select="$M/services.no-account"/></p>
          <p><a class="button" href="/accounts/add"><xsl:value-of select="$M/accounts.add"/></a></p>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="account-head"/>
          <xsl:if test="done = 'promised'">
            <p class="notice" role="status" id="done"><xsl:value-of select="$M/services.promise.done"/></p>
          </xsl:if>
          <xsl:call-template name="form-errors"/>
          <xsl:apply-templates select="connections[connection]"/>
          <xsl:apply-templates select="objects[object]"/>
          <xsl:apply-templates select="usage-kinds[kind]"/>
          <div class="table-wrap">
            <table class="data" id="services">
              <thead>
                <tr>
                  <th scope="col"><xsl:value-of select="$M/services.service"/></th>
                  <th scope="col"><xsl:value-of select="$M/services.supplier"/></th>
                  <th scope="col" class="num"><xsl:value-of select="$M/services.tariff"/></th>
                  <th scope="col" class="num"><xsl:value-of select="$M/services.balance"/></th>
                  <th scope="col" class="no-print"><span class="visually-hidden"><xsl:value-of select="$M/services.statement"/></span></th>
                </tr>
              </thead>
              <tbody>
                <xsl:for-each select="services/service">
                  <tr id="service-{@id}">
                    <td><xsl:value-of select="name"/></td>
                    <td><xsl:value-of select="supplier"/></td>
                    <td class="num">
                      <xsl:value-of select="tariff"/>
                      <xsl:text>/</xsl:text>
                      <xsl:call-template name="unit"><xsl:with-param name="v" select="unit"/></xsl:call-template>
                    </td>
                    <td class="num"><xsl:apply-templates select="balance" mode="balance"/></td>
                    <td class="no-print">
                      <a href="/services/statement?service={@id}&amp;from={/page/period/from}&amp;to={/page/period/to}"
                         id="statement-{@id}"><xsl:value-of select="$M/services.statement"/></a>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>

          <h2><xsl:value-of select="$M/services.history"/></h2>
          <xsl:call-template name="period-form">
            <xsl:with-param name="extra"><xsl:call-template name="service-choice"/></xsl:with-param>
          </xsl:call-template>
          <xsl:apply-templates select="months"/>
          <p class="no-print">
            <a href="/services/reconciliation?from={period/from}&amp;to={period/to}" id="reconciliation-link">
              <xsl:value-of select="$M/act.title"/>
            </a>
            <xsl:text> · </xsl:text>
            <a href="/services/rendered?month={period/to}" id="rendered-link">
              <xsl:value-of select="$M/rendered.title"/>
            </a>
          </p>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- A GET form: the period, and the page's own choices (extra), remembered in the address. -->
  <xsl:template name="period-form">
    <xsl:param name="action" select="'/services'"/>
    <xsl:param name="extra"/>
    <form method="get" action="{$action}" class="filter no-print" id="period-form">
      <fieldset>
        <legend class="visually-hidden"><xsl:value-of select="$M/services.filter"/></legend>
        <div>
          <label for="from"><xsl:value-of select="$M/services.from"/></label>
          <input type="month" id="from" name="from" value="{/page/period/from}"
                 min="2000-01" max="2099-12" aria-describedby="from-format"/>
          <span class="format" id="from-format"><xsl:value-of select="$M/services.month-format"/></span>
        </div>
        <div>
          <label for="to"><xsl:value-of select="$M/services.to"/></label>
          <input type="month" id="to" name="to" value="{/page/period/to}"
                 min="2000-01" max="2099-12" aria-describedby="to-format"/>
          <span class="format" id="to-format"><xsl:value-of select="$M/services.month-format"/></span>
        </div>
        <xsl:copy-of select="$extra"/>
        <button type="submit" class="secondary" id="period-submit"><xsl:value-of select="$M/services.show"/></button>
      </fieldset>
      <xsl:call-template name="field-error"><xsl:with-param name="name">from</xsl:with-param></xsl:call-template>
      <xsl:call-template name="field-error"><xsl:with-param name="name">to</xsl:with-param></xsl:call-template>
    </form>
  </xsl:template>

  <!-- The services page's choice of one service or all. -->
  <xsl:template name="service-choice">
    <div>
      <label for="service"><xsl:value-of select="$M/services.which"/></label>
      <select id="service" name="service">
        <option value=""><xsl:value-of select="$M/services.all"/></option>
        <xsl:for-each select="/page/services/service">
          <option value="{@id}">
            <xsl:if test="@chosen"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
            <xsl:value-of select="name"/>
          </option>
        </xsl:for-each>
      </select>
    </div>
  </xsl:template>

  <!-- The ledger table; with tariff and quantity columns when it is one service. -->
  <xsl:template match="months">
    <xsl:variable name="one" select="boolean(month/tariff)"/>
    <xsl:choose>
      <xsl:when test="not(month)">
        <p id="no-months" class="muted"><xsl:value-of select="$M/services.empty"/></p>
      </xsl:when>
      <xsl:otherwise>
        <div class="table-wrap">
          <table class="data ledger" id="months">
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="$M/col.month"/></th>
                <xsl:if test="$one">
                  <th scope="col" class="num"><xsl:value-of select="$M/col.tariff"/></th>
                  <th scope="col" class="num"><xsl:value-of select="$M/col.quantity"/></th>
                </xsl:if>
                <th scope="col" class="num"><xsl:value-of select="$M/col.opening"/></th>
                <th scope="col" class="num"><xsl:value-of select="$M/col.accrued"/></th>
                <th scope="col" class="num"><xsl:value-of select="$M/col.corrections"/></th>
                <th scope="col" class="num"><xsl:value-of select="$M/col.paid"/></th>
                <th scope="col" class="num"><xsl:value-of select="$M/col.closing"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="month">
                <tr data-month="{@m}">
                  <th scope="row">
                    <xsl:call-template name="month-label"><xsl:with-param name="v" select="@m"/></xsl:call-template>
                  </th>
                  <xsl:if test="$one">
                    <td class="num"><xsl:value-of select="tariff"/></td>
                    <td class="num">
                      <xsl:call-template name="decimal"><xsl:with-param name="v" select="quantity"/></xsl:call-template>
                    </td>
                  </xsl:if>
                  <td class="num"><xsl:value-of select="opening"/></td>
                  <td class="num"><xsl:value-of select="accrued"/></td>
                  <td class="num"><xsl:value-of select="corrections"/></td>
                  <td class="num"><xsl:value-of select="paid"/></td>
                  <td class="num"><xsl:apply-templates select="closing" mode="balance"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
            <tfoot>
              <tr id="totals">
                <th scope="row"><xsl:value-of select="$M/col.total"/></th>
                <xsl:if test="$one"><td></td><td></td></xsl:if>
                <td class="num"><xsl:value-of select="totals/opening"/></td>
                <td class="num"><xsl:value-of select="totals/accrued"/></td>
                <td class="num"><xsl:value-of select="totals/corrections"/></td>
                <td class="num"><xsl:value-of select="totals/paid"/></td>
                <td class="num"><xsl:apply-templates select="totals/closing" mode="balance"/></td>
              </tr>
            </tfoot>
          </table>
        </div>
        <p class="hint"><xsl:value-of select="$M/balance.hint"/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ statement -->
  <xsl:template match="page[@section='services'][@name='statement']" mode="content">
    <xsl:variable name="s" select="statement"/>
    <article class="card statement" id="statement">
      <header class="statement-head">
        <h1>
          <xsl:value-of select="$M/statement.title"/>
          <xsl:text>: </xsl:text>
          <xsl:value-of select="$s/name"/>
        </h1>
        <dl class="facts">
          <dt><xsl:value-of select="$M/statement.account"/></dt>
          <dd><xsl:value-of select="account-head/number"/></dd>
          <dt><xsl:value-of select="$M/accounts.payer"/></dt>
          <dd><xsl:value-of select="account-head/payer"/></dd>
          <dt><xsl:value-of select="$M/accounts.address"/></dt>
          <dd><xsl:value-of select="account-head/address"/></dd>
          <dt><xsl:value-of select="$M/accounts.organization"/></dt>
          <dd><xsl:value-of select="account-head/organization"/></dd>
          <dt><xsl:value-of select="$M/services.supplier"/></dt>
          <dd id="statement-supplier"><xsl:value-of select="$s/supplier"/></dd>
          <dt><xsl:value-of select="$M/statement.unit"/></dt>
          <dd><xsl:call-template name="unit"><xsl:with-param name="v" select="$s/unit"/></xsl:call-template></dd>
          <xsl:if test="period">
            <dt><xsl:value-of select="$M/statement.period"/></dt>
            <dd id="statement-period">
              <xsl:call-template name="month-label"><xsl:with-param name="v" select="period/from"/></xsl:call-template>
              <xsl:text> — </xsl:text>
              <xsl:call-template name="month-label"><xsl:with-param name="v" select="period/to"/></xsl:call-template>
            </dd>
          </xsl:if>
        </dl>
      </header>
      <xsl:call-template name="form-errors"/>
      <xsl:for-each select="error[@field]">
        <p class="alert" role="alert" id="form-error">
          <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('error.', current()/@code)"/></xsl:call-template>
        </p>
      </xsl:for-each>
      <xsl:apply-templates select="months"/>
      <xsl:if test="months/month">
        <xsl:call-template name="downloads">
          <xsl:with-param name="base" select="concat('/services/statement?service=', statement/@service,
                                                     '&amp;from=', period/from, '&amp;to=', period/to)"/>
          <xsl:with-param name="pdf" select="true()"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="corrections/correction">
        <h2><xsl:value-of select="$M/statement.corrections"/></h2>
        <table class="data" id="corrections">
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="$M/col.month"/></th>
              <th scope="col" class="num"><xsl:value-of select="$M/statement.amount"/></th>
              <th scope="col"><xsl:value-of select="$M/statement.reason"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="corrections/correction">
              <tr>
                <th scope="row"><xsl:call-template name="month-label"><xsl:with-param name="v" select="@m"/></xsl:call-template></th>
                <td class="num"><xsl:value-of select="amount"/></td>
                <td><xsl:value-of select="reason"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:if>
      <p class="hint no-print" id="print-hint"><xsl:value-of select="$M/statement.print"/></p>
      <p class="no-print"><a href="/services"><xsl:value-of select="$M/statement.back"/></a></p>
    </article>
  </xsl:template>

  <!-- ============================================================ reconciliation act -->
  <xsl:template match="page[@section='services'][@name='reconciliation']" mode="content">
    <article class="card statement" id="reconciliation">
      <xsl:choose>
        <xsl:when test="no-account">
          <h1><xsl:value-of select="$M/act.title"/></h1>
          <p id="no-account"><xsl:value-of select="$M/services.no-account"/></p>
          <p><a class="button" href="/accounts/add"><xsl:value-of select="$M/accounts.add"/></a></p>
        </xsl:when>
        <xsl:otherwise>
          <header class="statement-head">
            <h1><xsl:value-of select="$M/act.title"/></h1>
            <p id="act-parties">
              <xsl:value-of select="$M/act.between"/>
              <xsl:text> </xsl:text>
              <xsl:value-of select="account-head/organization"/>
              <xsl:text> </xsl:text>
              <xsl:value-of select="$M/act.and"/>
              <xsl:text> </xsl:text>
              <xsl:value-of select="account-head/payer"/>
            </p>
            <dl class="facts">
              <dt><xsl:value-of select="$M/statement.account"/></dt>
              <dd><xsl:value-of select="account-head/number"/></dd>
              <dt><xsl:value-of select="$M/accounts.address"/></dt>
              <dd><xsl:value-of select="account-head/address"/></dd>
              <xsl:if test="period">
                <dt><xsl:value-of select="$M/statement.period"/></dt>
                <dd id="act-period">
                  <xsl:call-template name="month-label"><xsl:with-param name="v" select="period/from"/></xsl:call-template>
                  <xsl:text> — </xsl:text>
                  <xsl:call-template name="month-label"><xsl:with-param name="v" select="period/to"/></xsl:call-template>
                </dd>
              </xsl:if>
            </dl>
          </header>
          <xsl:call-template name="period-form"><xsl:with-param name="action" select="'/services/reconciliation'"/></xsl:call-template>
          <xsl:call-template name="form-errors"/>
          <xsl:choose>
            <xsl:when test="not(act/entry)">
              <p id="no-months" class="muted"><xsl:value-of select="$M/services.empty"/></p>
            </xsl:when>
            <xsl:otherwise>
              <xsl:apply-templates select="act"/>
              <p class="downloads no-print" id="downloads">
                <xsl:value-of select="concat($M/dl.label, ': ')"/>
                <a href="/services/reconciliation?from={period/from}&amp;to={period/to}&amp;format=pdf"
                   type="application/pdf" id="download-pdf">PDF</a>
              </p>
              <p class="hint no-print"><xsl:value-of select="$M/statement.print"/></p>
            </xsl:otherwise>
          </xsl:choose>
          <p class="no-print"><a href="/services"><xsl:value-of select="$M/statement.back"/></a></p>
        </xsl:otherwise>
      </xsl:choose>
    </article>
  </xsl:template>

  <!-- ============================================================ act of services rendered -->
  <xsl:template match="page[@section='services'][@name='rendered']" mode="content">
    <article class="card statement" id="rendered">
      <xsl:choose>
        <xsl:when test="no-account">
          <h1><xsl:value-of select="$M/rendered.title"/></h1>
          <p id="no-account"><xsl:value-of select="$M/services.no-account"/></p>
          <p><a class="button" href="/accounts/add"><xsl:value-of select="$M/accounts.add"/></a></p>
        </xsl:when>
        <xsl:otherwise>
          <header class="statement-head">
            <h1>
              <xsl:value-of select="$M/rendered.title"/>
              <xsl:if test="rendered/@m">
                <xsl:text>: </xsl:text>
                <xsl:call-template name="month-label"><xsl:with-param name="v" select="rendered/@m"/></xsl:call-template>
              </xsl:if>
            </h1>
            <dl class="facts">
              <dt><xsl:value-of select="$M/rendered.by"/></dt>
              <dd><xsl:value-of select="account-head/organization"/></dd>
              <dt><xsl:value-of select="$M/rendered.to"/></dt>
              <dd><xsl:value-of select="account-head/payer"/></dd>
              <dt><xsl:value-of select="$M/statement.account"/></dt>
              <dd><xsl:value-of select="account-head/number"/></dd>
              <dt><xsl:value-of select="$M/accounts.address"/></dt>
              <dd><xsl:value-of select="account-head/address"/></dd>
            </dl>
          </header>
          <form method="get" action="/services/rendered" class="filter no-print" id="month-form">
            <fieldset>
              <legend class="visually-hidden"><xsl:value-of select="$M/services.filter"/></legend>
              <div>
                <label for="month"><xsl:value-of select="$M/rendered.month"/></label>
                <input type="month" id="month" name="month" value="{rendered/@m}"
                       min="2000-01" max="2099-12" aria-describedby="month-format"/>
                <span class="format" id="month-format"><xsl:value-of select="$M/services.month-format"/></span>
              </div>
              <button type="submit" class="secondary" id="month-submit"><xsl:value-of select="$M/services.show"/></button>
            </fieldset>
          </form>
          <xsl:call-template name="form-errors"/>
          <xsl:variable name="v" select="rendered"/>
          <xsl:choose>
            <xsl:when test="not($v/service)">
              <p id="no-months" class="muted"><xsl:value-of select="$M/services.empty"/></p>
            </xsl:when>
            <xsl:otherwise>
              <div class="table-wrap">
                <table class="data ledger" id="rendered-table">
                  <thead>
                    <tr>
                      <th scope="col"><xsl:value-of select="$M/services.service"/></th>
                      <th scope="col" class="num"><xsl:value-of select="$M/col.quantity"/></th>
                      <th scope="col" class="num"><xsl:value-of select="$M/col.tariff"/></th>
                      <th scope="col" class="num"><xsl:value-of select="$M/col.accrued"/></th>
                      <th scope="col" class="num"><xsl:value-of select="$M/col.corrections"/></th>
                      <th scope="col" class="num"><xsl:value-of select="$M/rendered.amount"/></th>
                    </tr>
                  </thead>
                  <tbody>
                    <xsl:for-each select="$v/service">
                      <tr id="rendered-{@id}">
                        <th scope="row">
                          <xsl:value-of select="name"/>
                          <br/><span class="muted small"><xsl:value-of select="supplier"/></span>
                        </th>
                        <td class="num">
                          <xsl:call-template name="decimal"><xsl:with-param name="v" select="quantity"/></xsl:call-template>
                          <xsl:text> </xsl:text>
                          <xsl:call-template name="unit"><xsl:with-param name="v" select="unit"/></xsl:call-template>
                        </td>
                        <td class="num"><xsl:value-of select="tariff"/></td>
                        <td class="num"><xsl:value-of select="accrued"/></td>
                        <td class="num"><xsl:value-of select="corrections"/></td>
                        <td class="num"><xsl:value-of select="amount"/></td>
                      </tr>
                    </xsl:for-each>
                  </tbody>
                  <tfoot>
                    <tr id="rendered-total">
                      <th scope="row"><xsl:value-of select="$M/col.total"/></th>
                      <td></td><td></td>
                      <td class="num"><xsl:value-of select="$v/total/accrued"/></td>
                      <td class="num"><xsl:value-of select="$v/total/corrections"/></td>
                      <td class="num"><xsl:value-of select="$v/total/amount"/></td>
                    </tr>
                  </tfoot>
                </table>
              </div>
              <p id="rendered-note"><xsl:value-of select="$M/rendered.note"/></p>
              <div class="act-signatures">
                <p><xsl:value-of select="account-head/organization"/>: ____________________</p>
                <p><xsl:value-of select="account-head/payer"/>: ____________________</p>
              </div>
              <p class="downloads no-print" id="downloads">
                <xsl:value-of select="concat($M/dl.label, ': ')"/>
                <a href="/services/rendered?month={$v/@m}&amp;format=pdf" type="application/pdf" id="download-pdf">PDF</a>
              </p>
            </xsl:otherwise>
          </xsl:choose>
          <p class="no-print"><a href="/services"><xsl:value-of select="$M/statement.back"/></a></p>
        </xsl:otherwise>
      </xsl:choose>
    </article>
  </xsl:template>

  <!-- The act's table: each entry on its side, the opening and closing balances
       apart from the turnover, then what the closing balance means. -->
  <xsl:template match="act">
    <div class="table-wrap">
      <table class="data ledger" id="act-table">
        <thead>
          <tr>
            <th scope="col"><xsl:value-of select="$M/act.entry"/></th>
            <th scope="col" class="num"><xsl:value-of select="$M/act.debit"/></th>
            <th scope="col" class="num"><xsl:value-of select="$M/act.credit"/></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="entry[@kind != 'closing']">
            <tr class="act-{@kind}" data-month="{@m}">
              <th scope="row">
                <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('act.', current()/@kind)"/></xsl:call-template>
                <xsl:if test="@kind != 'opening'">
                  <xsl:text> </xsl:text>
                  <xsl:call-template name="month-label"><xsl:with-param name="v" select="@m"/></xsl:call-template>
                </xsl:if>
              </th>
              <td class="num"><xsl:if test="@side = 'debit'"><xsl:value-of select="amount"/></xsl:if></td>
              <td class="num"><xsl:if test="@side = 'credit'"><xsl:value-of select="amount"/></xsl:if></td>
            </tr>
          </xsl:for-each>
        </tbody>
        <tfoot>
          <tr id="act-turnover">
            <th scope="row"><xsl:value-of select="$M/act.turnover"/></th>
            <td class="num"><xsl:value-of select="turnover/debit"/></td>
            <td class="num"><xsl:value-of select="turnover/credit"/></td>
          </tr>
          <xsl:for-each select="entry[@kind = 'closing']">
            <tr id="act-closing">
              <th scope="row"><xsl:value-of select="$M/act.closing"/></th>
              <td class="num"><xsl:if test="@side = 'debit'"><xsl:value-of select="amount"/></xsl:if></td>
              <td class="num"><xsl:if test="@side = 'credit'"><xsl:value-of select="amount"/></xsl:if></td>
            </tr>
          </xsl:for-each>
        </tfoot>
      </table>
    </div>
    <xsl:variable name="closing" select="entry[@kind = 'closing']"/>
    <p id="act-result">
      <xsl:choose>
        <xsl:when test="$closing/amount/@minor = 0"><xsl:value-of select="$M/act.settled"/></xsl:when>
        <xsl:when test="$closing/@side = 'debit'">
          <xsl:value-of select="$M/act.owes"/>
          <xsl:text> </xsl:text>
          <strong><xsl:value-of select="$closing/amount"/></strong>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$M/act.ahead"/>
          <xsl:text> </xsl:text>
          <strong><xsl:value-of select="$closing/amount"/></strong>
        </xsl:otherwise>
      </xsl:choose>
    </p>
    <div class="act-signatures" id="act-signatures">
      <p><xsl:value-of select="/page/account-head/organization"/>: ____________________</p>
      <p><xsl:value-of select="/page/account-head/payer"/>: ____________________</p>
    </div>
  </xsl:template>

  <!-- ============================================================ documents -->
  <xsl:template match="page[@section='services'][@name='documents']" mode="content">
    <xsl:variable name="d" select="documents"/>
    <section class="card" id="documents">
      <h1><xsl:value-of select="$M/docs.title"/></h1>
      <xsl:choose>
        <xsl:when test="no-account">
          <p id="no-account"><xsl:value-of select="$M/services.no-account"/></p>
          <p><a class="button" href="/accounts/add"><xsl:value-of select="$M/accounts.add"/></a></p>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="account-head"/>
          <xsl:call-template name="period-form"><xsl:with-param name="action" select="'/documents'"/></xsl:call-template>
          <h2><xsl:value-of select="$M/docs.months"/></h2>
          <xsl:choose>
            <xsl:when test="$d/months/month">
              <ul class="documents" id="document-months">
                <xsl:for-each select="$d/months/month">
                  <xsl:sort select="." order="descending"/>
                  <li id="month-{.}">
                    <strong><xsl:call-template name="month-label"><xsl:with-param name="v" select="."/></xsl:call-template></strong>
                    <xsl:text>: </xsl:text>
                    <a href="/receipts/view?month={.}"><xsl:value-of select="$M/docs.receipt"/></a>
                    <xsl:text> (</xsl:text><a href="/receipts/pdf?month={.}" type="application/pdf">PDF</a><xsl:text>) · </xsl:text>
                    <a href="/services/rendered?month={.}"><xsl:value-of select="$M/rendered.title"/></a>
                    <xsl:text> (</xsl:text><a href="/services/rendered?month={.}&amp;format=pdf" type="application/pdf">PDF</a><xsl:text>)</xsl:text>
                  </li>
                </xsl:for-each>
              </ul>
              <p id="period-act">
                <a href="/services/reconciliation?from={period/from}&amp;to={period/to}"><xsl:value-of select="$M/act.title"/></a>
                <xsl:text> (</xsl:text>
                <a href="/services/reconciliation?from={period/from}&amp;to={period/to}&amp;format=pdf" type="application/pdf">PDF</a>
                <xsl:text>)</xsl:text>
              </p>
            </xsl:when>
            <xsl:otherwise><p id="no-months" class="muted"><xsl:value-of select="$M/services.empty"/></p></xsl:otherwise>
          </xsl:choose>
          <h2><xsl:value-of select="$M/docs.invoices"/></h2>
          <xsl:choose>
            <xsl:when test="$d/invoices/invoice">
              <ul class="documents" id="invoices">
                <xsl:for-each select="$d/invoices/invoice">
                  <li id="invoice-{@id}">
                    <a href="/documents/invoice?id={@id}"><xsl:value-of select="concat($M/inv.title, ' № ', @number)"/></a>
                    <xsl:text> · </xsl:text>
                    <xsl:call-template name="datetime"><xsl:with-param name="v" select="@at"/></xsl:call-template>
                    <xsl:value-of select="concat(' · ', amount)"/>
                    <xsl:if test="service"><xsl:value-of select="concat(' · ', service)"/></xsl:if>
                    <xsl:text> · </xsl:text>
                    <xsl:choose>
                      <xsl:when test="@paid"><span class="credit"><xsl:value-of select="$M/inv.paid"/></span></xsl:when>
                      <xsl:otherwise><xsl:value-of select="$M/inv.unpaid"/></xsl:otherwise>
                    </xsl:choose>
                  </li>
                </xsl:for-each>
              </ul>
            </xsl:when>
            <xsl:otherwise><p id="no-invoices" class="muted"><xsl:value-of select="$M/docs.no-invoices"/></p></xsl:otherwise>
          </xsl:choose>
        </xsl:otherwise>
      </xsl:choose>
    </section>
    <xsl:if test="documents/@may-pay">
      <section class="card narrow wide-form" id="new-invoice">
        <h2><xsl:value-of select="$M/inv.new"/></h2>
        <p class="hint"><xsl:value-of select="$M/inv.new-hint"/></p>
        <xsl:call-template name="form-errors"/>
        <form method="post" action="/documents/invoices" class="stacked" id="invoice-form">
          <input type="hidden" name="csrf" value="{csrf}"/>
          <label for="service"><xsl:value-of select="$M/inv.service"/></label>
          <select id="service" name="service">
            <option value=""><xsl:value-of select="$M/inv.all-services"/></option>
            <xsl:for-each select="documents/services/service">
              <option value="{@id}">
                <xsl:if test="@selected"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="."/>
              </option>
            </xsl:for-each>
          </select>
          <xsl:call-template name="field-error"><xsl:with-param name="name">service</xsl:with-param></xsl:call-template>
          <label for="amount"><xsl:value-of select="$M/inv.amount"/></label>
          <input type="text" id="amount" name="amount" value="{typed[@name = 'amount']}"
                 maxlength="24" inputmode="decimal" autocomplete="off"/>
          <xsl:call-template name="field-error"><xsl:with-param name="name">amount</xsl:with-param></xsl:call-template>
          <label for="quantity"><xsl:value-of select="$M/inv.quantity"/></label>
          <input type="text" id="quantity" name="quantity" value="{typed[@name = 'quantity']}"
                 maxlength="24" inputmode="decimal" autocomplete="off" aria-describedby="quantity-hint"/>
          <p class="hint" id="quantity-hint"><xsl:value-of select="$M/inv.quantity-hint"/></p>
          <xsl:call-template name="field-error"><xsl:with-param name="name">quantity</xsl:with-param></xsl:call-template>
          <div class="actions">
            <button type="submit" class="primary" id="invoice-submit"><xsl:value-of select="$M/inv.make"/></button>
          </div>
        </form>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ invoice -->
  <xsl:template match="page[@section='services'][@name='invoice']" mode="content">
    <xsl:variable name="v" select="invoice"/>
    <article class="card statement" id="invoice">
      <header class="statement-head">
        <h1>
          <xsl:value-of select="concat($M/inv.title, ' № ', $v/@number, ' ', $M/inv.of, ' ')"/>
          <xsl:call-template name="date"><xsl:with-param name="v" select="substring($v/@at, 1, 10)"/></xsl:call-template>
        </h1>
        <dl class="facts" id="invoice-payee">
          <dt><xsl:value-of select="$M/inv.payee"/></dt><dd><xsl:value-of select="$v/payee"/></dd>
          <dt><xsl:value-of select="$M/inv.inn"/></dt><dd><xsl:value-of select="$v/inn"/></dd>
          <dt><xsl:value-of select="$M/inv.payee-address"/></dt><dd><xsl:value-of select="$v/payee-address"/></dd>
          <dt><xsl:value-of select="$M/inv.bank"/></dt><dd><xsl:value-of select="$v/bank"/></dd>
          <dt><xsl:value-of select="$M/inv.bic"/></dt><dd><xsl:value-of select="$v/bic"/></dd>
          <dt><xsl:value-of select="$M/inv.bank-account"/></dt><dd><xsl:value-of select="$v/bank-account"/></dd>
          <dt><xsl:value-of select="$M/inv.corr-account"/></dt><dd><xsl:value-of select="$v/corr-account"/></dd>
        </dl>
        <dl class="facts" id="invoice-payer">
          <xsl:choose>
            <xsl:when test="$v/company">
              <dt><xsl:value-of select="$M/inv.payer"/></dt><dd><xsl:value-of select="$v/company/name"/></dd>
              <dt><xsl:value-of select="$M/inv.tax-id"/></dt><dd><xsl:value-of select="$v/company/tax-id"/></dd>
              <xsl:if test="$v/company/kpp">
                <dt><xsl:value-of select="$M/inv.kpp"/></dt><dd><xsl:value-of select="$v/company/kpp"/></dd>
              </xsl:if>
              <dt><xsl:value-of select="$M/inv.legal-address"/></dt><dd><xsl:value-of select="$v/company/address"/></dd>
            </xsl:when>
            <xsl:otherwise>
              <dt><xsl:value-of select="$M/inv.payer"/></dt><dd><xsl:value-of select="$v/payer"/></dd>
            </xsl:otherwise>
          </xsl:choose>
          <dt><xsl:value-of select="$M/statement.account"/></dt><dd><xsl:value-of select="$v/account"/></dd>
          <dt><xsl:value-of select="$M/accounts.address"/></dt><dd><xsl:value-of select="$v/address"/></dd>
        </dl>
      </header>
      <div class="table-wrap">
        <table class="ledger" id="invoice-lines">
          <caption class="visually-hidden"><xsl:value-of select="$M/inv.title"/></caption>
          <thead>
            <tr><th scope="col"><xsl:value-of select="$M/inv.what"/></th><th scope="col" class="num"><xsl:value-of select="$M/inv.amount"/></th></tr>
          </thead>
          <tbody>
            <tr>
              <td>
                <xsl:value-of select="concat($M/inv.for-account, ' ', $v/account)"/>
                <xsl:if test="$v/service"><xsl:value-of select="concat(': ', $v/service)"/></xsl:if>
                <xsl:if test="$v/quantity">
                  <xsl:text>, </xsl:text>
                  <span id="invoice-quantity">
                    <xsl:call-template name="decimal"><xsl:with-param name="v" select="$v/quantity"/></xsl:call-template>
                    <xsl:text> </xsl:text>
                    <xsl:call-template name="unit"><xsl:with-param name="v" select="$v/unit"/></xsl:call-template>
                    <xsl:value-of select="concat(' × ', $v/tariff)"/>
                  </span>
                </xsl:if>
              </td>
              <td class="num"><xsl:value-of select="$v/amount"/></td>
            </tr>
          </tbody>
          <tfoot>
            <tr><th scope="row"><xsl:value-of select="$M/col.total"/></th><td class="num" id="invoice-total"><xsl:value-of select="$v/amount"/></td></tr>
          </tfoot>
        </table>
      </div>
      <p id="invoice-status">
        <xsl:choose>
          <xsl:when test="$v/@paid"><strong class="credit"><xsl:value-of select="$M/inv.paid"/></strong></xsl:when>
          <xsl:otherwise><xsl:value-of select="$M/inv.unpaid"/></xsl:otherwise>
        </xsl:choose>
      </p>
      <xsl:if test="$v/qr">
        <figure class="qr" id="invoice-qr">
          <svg viewBox="-4 -4 {$v/qr/@modules + 8} {$v/qr/@modules + 8}" width="150" height="150"
               role="img" aria-label="{$M/inv.qr}" shape-rendering="crispEdges">
            <rect x="-4" y="-4" width="{$v/qr/@modules + 8}" height="{$v/qr/@modules + 8}" fill="#fff"/>
            <path d="{$v/qr/path}" fill="#000"/>
          </svg>
          <figcaption><xsl:value-of select="$M/inv.qr"/></figcaption>
        </figure>
      </xsl:if>
      <xsl:if test="$v/pay-key">
        <form method="post" action="/payments/invoice" class="no-print" id="invoice-pay">
          <input type="hidden" name="csrf" value="{csrf}"/>
          <input type="hidden" name="id" value="{$v/@id}"/>
          <input type="hidden" name="key" value="{$v/pay-key}"/>
          <button type="submit" class="primary" id="invoice-pay-submit"><xsl:value-of select="$M/inv.pay"/></button>
        </form>
      </xsl:if>
      <p class="downloads no-print">
        <a href="/documents/invoice?id={$v/@id}&amp;format=pdf" type="application/pdf" id="download-pdf">PDF</a>
        <xsl:text> · </xsl:text>
        <a href="/documents"><xsl:value-of select="$M/docs.title"/></a>
      </p>
    </article>
  </xsl:template>

</xsl:stylesheet>
