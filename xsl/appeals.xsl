<?xml version="1.0" encoding="UTF-8"?>
<!-- appeals.xsl: a subscriber's appeals to the organization, a new one, a thread. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template match="page[@section='appeals']" mode="title">
    <xsl:choose>
      <xsl:when test="@name = 'appeal-new'"><xsl:value-of select="$M/ap.new"/></xsl:when>
      <xsl:when test="@name = 'appeal' and appeal"><xsl:value-of select="concat($M/ap.one, ' № ', appeal/@id)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$M/ap.title"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="ap-status">
    <xsl:param name="s"/>
    <span class="badge status-{$s}"><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('ap.status.', $s)"/></xsl:call-template></span>
  </xsl:template>

  <xsl:template name="ap-done">
    <xsl:if test="done">
      <p class="notice" role="status" id="done"><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('ap.done.', done)"/></xsl:call-template></p>
    </xsl:if>
  </xsl:template>

  <!-- The file inputs, last in the form (the program reads the files as they come). -->
  <xsl:template name="ap-files">
    <label for="files"><xsl:value-of select="$M/ap.files"/></label>
    <input type="file" id="files" name="files" multiple="multiple"
           accept="image/jpeg,image/png,application/pdf" aria-describedby="files-hint"/>
    <p class="hint" id="files-hint"><xsl:value-of select="$M/ap.files-hint"/></p>
    <xsl:for-each select="/page/error[@field = 'files']">
      <p class="field-error" id="error-files">
        <xsl:call-template name="msg"><xsl:with-param name="key" select="concat('error.', @code)"/></xsl:call-template>
        <xsl:if test="/page/refused-file">
          <xsl:value-of select="concat(' ', $M/ap.file-named, ' ')"/><q><xsl:value-of select="/page/refused-file"/></q>
        </xsl:if>
      </p>
    </xsl:for-each>
  </xsl:template>

  <!-- A request's own fields (appeals.c, request_check): the form's, with what was typed. -->
  <xsl:template name="ap-input">
    <xsl:param name="name"/>
    <xsl:param name="type">text</xsl:param>
    <xsl:param name="extra"/>
    <!-- A refused date or number is shown as typed: in a text input. -->
    <xsl:variable name="shown">
      <xsl:choose>
        <xsl:when test="/page/error[@field = $name]">text</xsl:when>
        <xsl:otherwise><xsl:value-of select="$type"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <label for="{$name}"><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('rq.f.', $name)"/></xsl:call-template></label>
    <input type="{$shown}" id="{$name}" name="{$name}" value="{/page/typed[@name = $name]}">
      <xsl:if test="$shown = 'number'"><xsl:attribute name="min">0</xsl:attribute><xsl:attribute name="max">50</xsl:attribute></xsl:if>
      <xsl:if test="$shown = 'text' or $shown = 'tel'"><xsl:attribute name="maxlength">200</xsl:attribute></xsl:if>
    </input>
    <xsl:call-template name="field-error"><xsl:with-param name="name" select="$name"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="ap-choice">
    <xsl:param name="name"/>
    <xsl:param name="values"/>
    <fieldset>
      <legend><xsl:call-template name="msg"><xsl:with-param name="key" select="concat('rq.f.', $name)"/></xsl:call-template></legend>
      <xsl:for-each select="$M/rq.choices/c[@of = $name]">
        <label class="choice" for="{$name}-{@v}">
          <input type="radio" id="{$name}-{@v}" name="{$name}" value="{@v}">
            <xsl:if test="/page/typed[@name = $name] = @v"><xsl:attribute name="checked">checked</xsl:attribute></xsl:if>
          </input>
          <xsl:value-of select="."/>
        </label>
      </xsl:for-each>
      <xsl:call-template name="field-error"><xsl:with-param name="name" select="$name"/></xsl:call-template>
    </fieldset>
  </xsl:template>

  <xsl:template name="ap-request">
    <xsl:param name="form"/>
    <fieldset class="request" id="request-fields">
      <legend><xsl:value-of select="$M/ap.request"/></legend>
      <xsl:choose>
        <xsl:when test="$form = 'sms-info'">
          <xsl:call-template name="ap-choice"><xsl:with-param name="name">action</xsl:with-param></xsl:call-template>
          <xsl:call-template name="ap-input"><xsl:with-param name="name">phone</xsl:with-param><xsl:with-param name="type">tel</xsl:with-param></xsl:call-template>
          <xsl:call-template name="ap-input"><xsl:with-param name="name">start_on</xsl:with-param><xsl:with-param name="type">date</xsl:with-param></xsl:call-template>
        </xsl:when>
        <xsl:when test="$form = 'due-date'">
          <xsl:call-template name="ap-input"><xsl:with-param name="name">day</xsl:with-param><xsl:with-param name="type">number</xsl:with-param></xsl:call-template>
        </xsl:when>
        <xsl:when test="$form = 'absence'">
          <xsl:call-template name="ap-input"><xsl:with-param name="name">from_on</xsl:with-param><xsl:with-param name="type">date</xsl:with-param></xsl:call-template>
          <xsl:call-template name="ap-input"><xsl:with-param name="name">to_on</xsl:with-param><xsl:with-param name="type">date</xsl:with-param></xsl:call-template>
          <p class="hint" id="absence-hint"><xsl:value-of select="$M/ap.absence-hint"/></p>
        </xsl:when>
        <xsl:when test="$form = 'meter'">
          <label for="meter"><xsl:value-of select="$M/rq.f.meter"/></label>
          <select id="meter" name="meter">
            <option value=""><xsl:value-of select="$M/ap.choose"/></option>
            <xsl:for-each select="/page/meters/meter">
              <option value="{@id}">
                <xsl:if test="/page/typed[@name = 'meter'] = @id"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="concat(., ' (', @account, ')')"/>
              </option>
            </xsl:for-each>
          </select>
          <xsl:call-template name="field-error"><xsl:with-param name="name">meter</xsl:with-param></xsl:call-template>
          <xsl:call-template name="ap-choice"><xsl:with-param name="name">work</xsl:with-param></xsl:call-template>
          <xsl:call-template name="ap-input"><xsl:with-param name="name">preferred_on</xsl:with-param><xsl:with-param name="type">date</xsl:with-param></xsl:call-template>
        </xsl:when>
        <xsl:when test="$form = 'owner'">
          <xsl:call-template name="ap-choice"><xsl:with-param name="name">change</xsl:with-param></xsl:call-template>
          <xsl:call-template name="ap-input"><xsl:with-param name="name">new_owner</xsl:with-param></xsl:call-template>
          <xsl:call-template name="ap-input"><xsl:with-param name="name">residents</xsl:with-param><xsl:with-param name="type">number</xsl:with-param></xsl:call-template>
        </xsl:when>
      </xsl:choose>
    </fieldset>
  </xsl:template>

  <!-- ============================================================ the list -->
  <xsl:template match="page[@section='appeals'][@name='appeals']" mode="content">
    <section class="card">
      <h1><xsl:value-of select="$M/ap.title"/></h1>
      <xsl:call-template name="ap-done"/>
      <p><a class="button primary" href="/appeals/new" id="new-appeal"><xsl:value-of select="$M/ap.new"/></a></p>
      <xsl:choose>
        <xsl:when test="appeals/appeal">
          <table class="data" id="appeals">
            <thead>
              <tr>
                <th scope="col"><xsl:value-of select="$M/ap.number"/></th>
                <th scope="col"><xsl:value-of select="$M/ap.topic"/></th>
                <th scope="col"><xsl:value-of select="$M/ap.account"/></th>
                <th scope="col"><xsl:value-of select="$M/ap.status"/></th>
                <th scope="col"><xsl:value-of select="$M/ap.updated"/></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="appeals/appeal">
                <tr id="appeal-{@id}">
                  <xsl:if test="@unread"><xsl:attribute name="class">unread</xsl:attribute></xsl:if>
                  <td><a href="/appeals/view?id={@id}"><xsl:value-of select="concat('№ ', @id)"/></a>
                    <xsl:if test="@unread"><xsl:text> </xsl:text><span class="badge unread-mark"><xsl:value-of select="$M/ap.unread"/></span></xsl:if></td>
                  <td><xsl:value-of select="topic"/></td>
                  <td><xsl:value-of select="account"/></td>
                  <td><xsl:call-template name="ap-status"><xsl:with-param name="s" select="@status"/></xsl:call-template></td>
                  <td><xsl:call-template name="datetime"><xsl:with-param name="v" select="@updated"/></xsl:call-template></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </xsl:when>
        <xsl:otherwise><p id="no-appeals"><xsl:value-of select="$M/ap.none"/></p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ============================================================ a new appeal -->
  <xsl:template match="page[@section='appeals'][@name='appeal-new']" mode="content">
    <section class="card narrow">
      <h1><xsl:value-of select="$M/ap.new"/></h1>
      <p><xsl:value-of select="$M/ap.intro"/></p>
      <xsl:call-template name="form-errors"/>
      <!-- A service request is a form of its own: chosen here, its fields shown
           with the appeal's (no script needed to reveal them). -->
      <xsl:if test="topics/topic[@form] and accounts/account and not(/page/typed[@name='topic'])">
        <nav aria-labelledby="requests-title" class="requests">
          <h2 id="requests-title"><xsl:value-of select="$M/ap.requests"/></h2>
          <ul>
            <xsl:for-each select="topics/topic[@form]">
              <li><a href="/appeals/new?topic={@id}" id="request-{@form}-{@org}"><xsl:value-of select="."/></a></li>
            </xsl:for-each>
          </ul>
        </nav>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="topics/topic and accounts/account">
          <form method="post" action="/appeals/new" enctype="multipart/form-data" class="stacked" id="appeal-form">
            <input type="hidden" name="csrf" value="{csrf}"/>
            <label for="topic"><xsl:value-of select="$M/ap.topic"/></label>
            <select id="topic" name="topic" required="required">
              <option value=""><xsl:value-of select="$M/ap.choose"/></option>
              <xsl:for-each select="topics/topic">
                <option value="{@id}">
                  <xsl:if test="/page/typed[@name='topic'] = @id"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:value-of select="."/>
                </option>
              </xsl:for-each>
            </select>
            <xsl:call-template name="field-error"><xsl:with-param name="name">topic</xsl:with-param></xsl:call-template>
            <label for="account"><xsl:value-of select="$M/ap.account"/></label>
            <select id="account" name="account">
              <xsl:for-each select="accounts/account">
                <option value="{@id}">
                  <xsl:if test="/page/typed[@name='account'] = @id or (not(/page/typed[@name='account']) and @current)"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:value-of select="concat(number, ', ', address)"/>
                </option>
              </xsl:for-each>
            </select>
            <xsl:call-template name="field-error"><xsl:with-param name="name">account</xsl:with-param></xsl:call-template>
            <xsl:variable name="form" select="topics/topic[@id = /page/typed[@name='topic']]/@form"/>
            <xsl:if test="$form">
              <xsl:call-template name="ap-request"><xsl:with-param name="form" select="$form"/></xsl:call-template>
            </xsl:if>
            <label for="text"><xsl:value-of select="$M/ap.text"/></label>
            <textarea id="text" name="text" required="required" maxlength="4000" rows="6"><xsl:value-of select="/page/typed[@name='text']"/></textarea>
            <xsl:call-template name="field-error"><xsl:with-param name="name">text</xsl:with-param></xsl:call-template>
            <xsl:call-template name="ap-files"/>
            <div class="actions">
              <button type="submit" class="primary" id="appeal-submit"><xsl:value-of select="$M/ap.send"/></button>
              <a href="/appeals"><xsl:value-of select="$M/cancel"/></a>
            </div>
          </form>
        </xsl:when>
        <xsl:otherwise><p id="no-accounts"><xsl:value-of select="$M/ap.no-accounts"/></p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ============================================================ one appeal -->
  <xsl:template match="page[@section='appeals'][@name='appeal']" mode="content">
    <xsl:variable name="a" select="appeal"/>
    <section class="card">
      <h1><xsl:value-of select="concat($M/ap.one, ' № ', $a/@id)"/></h1>
      <xsl:call-template name="ap-done"/>
      <xsl:call-template name="form-errors"/>
      <dl class="facts">
        <dt><xsl:value-of select="$M/ap.topic"/></dt><dd id="topic"><xsl:value-of select="$a/topic"/></dd>
        <dt><xsl:value-of select="$M/ap.account"/></dt><dd id="account"><xsl:value-of select="$a/account"/></dd>
        <dt><xsl:value-of select="$M/ap.status"/></dt><dd id="status"><xsl:call-template name="ap-status"><xsl:with-param name="s" select="$a/@status"/></xsl:call-template></dd>
      </dl>
      <xsl:call-template name="request-fields"><xsl:with-param name="a" select="$a"/></xsl:call-template>
      <ol class="thread" id="thread">
        <xsl:for-each select="$a/message">
          <li class="message from-{@author}" id="message-{@id}">
            <p class="message-head">
              <strong>
                <xsl:choose>
                  <xsl:when test="@author = 'subscriber'"><xsl:value-of select="$M/ap.you"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="$M/ap.organization"/></xsl:otherwise>
                </xsl:choose>
              </strong>
              <xsl:text>, </xsl:text>
              <xsl:call-template name="datetime"><xsl:with-param name="v" select="@at"/></xsl:call-template>
            </p>
            <p class="message-text"><xsl:value-of select="text"/></p>
            <xsl:if test="file">
              <ul class="files">
                <xsl:for-each select="file">
                  <li><a href="/appeals/file?id={@id}" id="file-{@id}"><xsl:value-of select="."/></a>
                    <xsl:value-of select="concat(' (', format-number(@size div 1024, '0'), ' ', $M/ap.kb, ')')"/></li>
                </xsl:for-each>
              </ul>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ol>
      <xsl:choose>
        <xsl:when test="$a/@status = 'closed'">
          <p id="closed-note"><xsl:value-of select="$M/ap.closed-note"/></p>
          <xsl:if test="/page/typed[@name='text']">
            <!-- A reply refused because the appeal was closed meanwhile: its text
                 stays here to be copied. -->
            <label for="text"><xsl:value-of select="$M/ap.unsent"/></label>
            <textarea id="text" name="text" readonly="readonly" rows="4"><xsl:value-of select="/page/typed[@name='text']"/></textarea>
          </xsl:if>
          <xsl:if test="$a/@reopenable">
            <form method="post" action="/appeals/reopen" id="reopen-form">
              <input type="hidden" name="csrf" value="{csrf}"/>
              <input type="hidden" name="id" value="{$a/@id}"/>
              <button type="submit" id="reopen"><xsl:value-of select="$M/ap.reopen"/></button>
            </form>
          </xsl:if>
        </xsl:when>
        <xsl:otherwise>
          <form method="post" action="/appeals/reply" enctype="multipart/form-data" class="stacked" id="reply-form">
            <input type="hidden" name="csrf" value="{csrf}"/>
            <input type="hidden" name="id" value="{$a/@id}"/>
            <label for="text"><xsl:value-of select="$M/ap.reply"/></label>
            <textarea id="text" name="text" required="required" maxlength="4000" rows="4"><xsl:value-of select="/page/typed[@name='text']"/></textarea>
            <xsl:call-template name="field-error"><xsl:with-param name="name">text</xsl:with-param></xsl:call-template>
            <xsl:call-template name="ap-files"/>
            <div class="actions">
              <button type="submit" class="primary" id="reply-submit"><xsl:value-of select="$M/ap.send"/></button>
            </div>
          </form>
          <form method="post" action="/appeals/close" id="close-form">
            <input type="hidden" name="csrf" value="{csrf}"/>
            <input type="hidden" name="id" value="{$a/@id}"/>
            <button type="submit" id="close"><xsl:value-of select="$M/ap.close"/></button>
          </form>
        </xsl:otherwise>
      </xsl:choose>
      <p><a href="/appeals"><xsl:value-of select="$M/ap.all"/></a></p>
    </section>
  </xsl:template>

  <xsl:template match="page[@section='appeals'][@name='news' or @name='news-item']" mode="title" priority="2">
    <xsl:choose>
      <xsl:when test="@name = 'news-item'"><xsl:value-of select="news/item/title"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$M/news.title"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Marks everything read: one form, no script. -->
  <xsl:template name="read-all">
    <xsl:param name="action"/>
    <form method="post" action="{$action}" class="inline read-all">
      <input type="hidden" name="csrf" value="{/page/csrf}"/>
      <button type="submit" class="secondary" id="read-all"><xsl:value-of select="$M/ap.read-all"/></button>
    </form>
  </xsl:template>

  <xsl:template name="unread-mark">
    <xsl:if test="@unread"><xsl:text> </xsl:text><span class="badge unread-mark"><xsl:value-of select="$M/ap.unread"/></span></xsl:if>
  </xsl:template>

  <xsl:template match="page[@section='appeals'][@name='news']" mode="content" priority="2">
    <h1><xsl:value-of select="$M/news.title"/></h1>
    <xsl:call-template name="ap-done"/>
    <p><xsl:value-of select="$M/news.intro"/></p>
    <xsl:choose>
      <xsl:when test="news/item">
        <xsl:if test="news/item/@unread">
          <xsl:call-template name="read-all"><xsl:with-param name="action" select="'/news/read-all'"/></xsl:call-template>
        </xsl:if>
        <ul class="plain-list news-list">
          <xsl:for-each select="news/item">
            <li id="news-{@id}">
              <xsl:if test="@unread"><xsl:attribute name="class">unread</xsl:attribute></xsl:if>
              <a href="/news/item?id={@id}"><xsl:value-of select="title"/></a>
              <xsl:call-template name="unread-mark"/>
              <br/><span class="meta"><xsl:call-template name="datetime"><xsl:with-param name="v" select="@at"/></xsl:call-template></span>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:when>
      <xsl:otherwise><p id="no-news"><xsl:value-of select="$M/news.none"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page[@section='appeals'][@name='news-item']" mode="content" priority="2">
    <p class="back"><a href="/news"><xsl:value-of select="$M/news.all"/></a></p>
    <article class="card news-item" id="news-{news/item/@id}">
      <h1><xsl:value-of select="news/item/title"/></h1>
      <p class="meta"><xsl:call-template name="datetime"><xsl:with-param name="v" select="news/item/@at"/></xsl:call-template></p>
      <p class="news-body"><xsl:value-of select="news/item/body"/></p>
    </article>
  </xsl:template>

  <xsl:template match="page[@section='appeals'][@name='inbox' or @name='inbox-message']" mode="title" priority="2">
    <xsl:choose>
      <xsl:when test="@name = 'inbox-message'"><xsl:value-of select="inbox/message/subject"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$M/inbox.title"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page[@section='appeals'][@name='inbox']" mode="content" priority="2">
    <h1><xsl:value-of select="$M/inbox.title"/></h1>
    <xsl:call-template name="ap-done"/>
    <p><xsl:value-of select="$M/inbox.intro"/></p>
    <!-- Announcements are kept once, under News, with their own marks: said here. -->
    <p id="inbox-news"><a href="/news"><xsl:value-of select="$M/inbox.news"/></a>
      <xsl:if test="/page/nav/item[@id = 'news']/@unread">
        <xsl:value-of select="concat(' (', /page/nav/item[@id = 'news']/@unread, ' ', $M/ap.unread, ')')"/>
      </xsl:if>
    </p>
    <xsl:choose>
      <xsl:when test="inbox/message">
        <xsl:if test="inbox/message/@unread">
          <xsl:call-template name="read-all"><xsl:with-param name="action" select="'/inbox/read-all'"/></xsl:call-template>
        </xsl:if>
        <ul class="plain-list inbox-list">
          <xsl:for-each select="inbox/message">
            <li id="message-{@id}">
              <xsl:if test="@unread"><xsl:attribute name="class">unread</xsl:attribute></xsl:if>
              <a href="/inbox/message?id={@id}"><xsl:value-of select="subject"/></a>
              <xsl:call-template name="unread-mark"/>
              <br/><span class="meta"><xsl:call-template name="datetime"><xsl:with-param name="v" select="@at"/></xsl:call-template></span>
            </li>
          </xsl:for-each>
        </ul>
        <xsl:if test="inbox/@next">
          <p><a href="/inbox?before={inbox/@next}" id="older" rel="next"><xsl:value-of select="$M/inbox.older"/></a></p>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise><p id="no-messages"><xsl:value-of select="$M/inbox.none"/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="page[@section='appeals'][@name='inbox-message']" mode="content" priority="2">
    <p class="back"><a href="/inbox"><xsl:value-of select="$M/inbox.all"/></a></p>
    <article class="card inbox-message" id="message-{inbox/message/@id}">
      <h1><xsl:value-of select="inbox/message/subject"/></h1>
      <p class="meta"><xsl:call-template name="datetime"><xsl:with-param name="v" select="inbox/message/@at"/></xsl:call-template></p>
      <p class="message-body"><xsl:value-of select="inbox/message/body"/></p>
    </article>
  </xsl:template>

  <!-- ============================================================ contacts and help -->
  <xsl:template match="page[@section='appeals'][@name='contacts']" mode="title" priority="2">
    <xsl:value-of select="$M/nav.contacts"/>
  </xsl:template>

  <xsl:template match="phone" mode="ct">
    <xsl:choose>
      <xsl:when test="@tel"><a href="tel:{@tel}"><xsl:value-of select="."/></a></xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="position() != last()"><xsl:text>, </xsl:text></xsl:if>
  </xsl:template>

  <xsl:template name="ct-reach">
    <xsl:if test="phone">
      <p><xsl:value-of select="concat($M/ct.phone, ': ')"/><xsl:apply-templates select="phone" mode="ct"/></p>
    </xsl:if>
    <xsl:if test="email">
      <p><xsl:value-of select="concat($M/ct.email, ': ')"/><a href="mailto:{email}"><xsl:value-of select="email"/></a></p>
    </xsl:if>
  </xsl:template>

  <xsl:template match="page[@section='appeals'][@name='contacts']" mode="content" priority="2">
    <h1><xsl:value-of select="$M/nav.contacts"/></h1>
    <xsl:for-each select="contacts/org">
      <section class="card contacts-org" id="org-{@id}">
        <h2><xsl:value-of select="name"/></h2>
        <xsl:if test="address"><p><xsl:value-of select="address"/></p></xsl:if>
        <xsl:call-template name="ct-reach"/>
        <!-- Only a web address is a link: what staff typed is never a script's. -->
        <xsl:if test="starts-with(website, 'https://') or starts-with(website, 'http://')">
          <p><a href="{website}"><xsl:value-of select="website"/></a></p>
        </xsl:if>

        <h3><xsl:value-of select="$M/ct.offices"/></h3>
        <xsl:choose>
          <xsl:when test="office">
            <ul class="plain-list offices">
              <xsl:for-each select="office">
                <li id="office-{@id}">
                  <xsl:if test="yours"><xsl:attribute name="class">yours</xsl:attribute></xsl:if>
                  <strong><xsl:value-of select="address"/></strong>
                  <xsl:if test="yours">
                    <xsl:text> </xsl:text>
                    <span class="badge yours-mark"><xsl:value-of select="$M/ct.yours"/></span>
                    <br/><span class="meta"><xsl:value-of select="concat($M/ct.yours-for, ' ')"/>
                    <xsl:for-each select="yours"><xsl:value-of select="."/><xsl:if test="position() != last()">, </xsl:if></xsl:for-each></span>
                  </xsl:if>
                  <br/><xsl:value-of select="concat($M/ct.hours, ': ', hours)"/>
                  <xsl:call-template name="ct-reach"/>
                </li>
              </xsl:for-each>
            </ul>
          </xsl:when>
          <xsl:otherwise><p><xsl:value-of select="$M/ct.no-offices"/></p></xsl:otherwise>
        </xsl:choose>

        <xsl:if test="question">
          <h3><xsl:value-of select="$M/ct.questions"/></h3>
          <xsl:for-each select="question">
            <details class="faq" id="question-{@id}">
              <summary><xsl:value-of select="q"/></summary>
              <p class="pre-line"><xsl:value-of select="a"/></p>
            </details>
          </xsl:for-each>
        </xsl:if>

        <xsl:if test="form">
          <h3><xsl:value-of select="$M/ct.forms"/></h3>
          <ul class="plain-list forms">
            <xsl:for-each select="form">
              <li id="form-{@id}">
                <a href="/contacts/form?id={@id}" download="form-{@id}.pdf"><xsl:value-of select="."/></a>
                <xsl:value-of select="concat(' (PDF, ', ceiling(@size div 1024), ' ', $M/ct.kb, ')')"/>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:if>

        <xsl:if test="rules">
          <details class="rules" id="rules-{@id}">
            <summary><xsl:value-of select="$M/ct.rules"/></summary>
            <p class="pre-line"><xsl:value-of select="rules"/></p>
          </details>
        </xsl:if>
      </section>
    </xsl:for-each>
    <xsl:if test="not(contacts/org)"><p id="no-organizations"><xsl:value-of select="$M/ct.none"/></p></xsl:if>

    <nav class="card site-map" id="site-map" aria-labelledby="site-map-title">
      <h2 id="site-map-title"><xsl:value-of select="$M/ct.site-map"/></h2>
      <ul class="columns">
        <xsl:for-each select="$M/ct.map/i">
          <li><a href="{@href}"><xsl:value-of select="."/></a></li>
        </xsl:for-each>
      </ul>
    </nav>
  </xsl:template>

</xsl:stylesheet>
