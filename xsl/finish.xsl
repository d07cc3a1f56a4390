<?xml version="1.0" encoding="UTF-8"?>
<!--
  finish.xsl: a last pass over a page's content.  The content is built first
  (each section's sheet), then copied through mode "finish", which adds what
  every page needs and no section should have to repeat:

  - every cell of a data table gets the name of its column (data-label), so
    on a phone site.css can show each row as a card of "column: value" lines
    and no money, status or link column is ever off screen;
  - an input with an error is marked invalid and described by its message
    (aria-invalid, aria-describedby), and the error summary takes the focus
    when the page opens (autofocus works without JavaScript).

  nginx's XSLT filter runs this sheet as it is.  The programs compile
  site.xsl with a kb:finish element in place of the call to "finished" and
  apply these same rules to the result in C (cgi-bin/doc/finish.c), which
  costs a fraction of copying the content again; a rule changed here is
  changed there too, and the renderer parity test compares every page.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:exsl="http://exslt.org/common"
                extension-element-prefixes="exsl"
                exclude-result-prefixes="exsl">

  <!-- The page's field errors; read from the source, before the copy. -->
  <xsl:variable name="field-errors" select="/page/error[@field]"/>

  <!-- Copy a built tree (a result tree fragment), finished. -->
  <xsl:template name="finished">
    <xsl:param name="tree"/>
    <xsl:apply-templates select="exsl:node-set($tree)/node()" mode="finish"/>
  </xsl:template>

  <!-- Every pattern below ends in a name (td, input, @type, p), never in *:
       libxslt files a pattern under its last step's name and tries a
       nameless one on every node copied, which made this pass a third of
       the dashboard's transform (measured: 17.2 M instructions a page before,
       13.6 M after, the same bytes on every page). -->
  <xsl:template match="@*|node()" mode="finish">
    <xsl:copy><xsl:apply-templates select="@*|node()" mode="finish"/></xsl:copy>
  </xsl:template>

  <!-- A body or footer cell of a table with a head: labelled by the head cell
       above it, counting the columns that earlier cells span. -->
  <!-- One predicate per step, never two: libxslt works out a second
       predicate's position over every sibling, which made a page with a
       long table quadratic. -->
  <xsl:template match="table[thead and contains(concat(' ', @class, ' '), ' data ')]/tbody/tr/td | table[thead and contains(concat(' ', @class, ' '), ' data ')]/tbody/tr/th | table[thead and contains(concat(' ', @class, ' '), ' data ')]/tfoot/tr/td | table[thead and contains(concat(' ', @class, ' '), ' data ')]/tfoot/tr/th"
                mode="finish">
    <xsl:variable name="col" select="count(preceding-sibling::*[not(@colspan)])
                                     + sum(preceding-sibling::*/@colspan) + 1"/>
    <xsl:variable name="head" select="normalize-space(ancestor::table[1]/thead/tr[1]/th[$col])"/>
    <xsl:copy>
      <xsl:apply-templates select="@*" mode="finish"/>
      <xsl:if test="$head != '' and not(@colspan) and not(@data-label)">
        <xsl:attribute name="data-label"><xsl:value-of select="$head"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="node()" mode="finish"/>
    </xsl:copy>
  </xsl:template>

  <!-- A field whose value was refused: invalid, and described by the message
       that says why (common.xsl's field-error, id "error-NAME"). -->
  <xsl:template match="input[@name and not(@type = 'hidden')] | select[@name] | textarea[@name]"
                mode="finish">
    <xsl:variable name="name" select="@name"/>
    <xsl:copy>
      <xsl:apply-templates select="@*[name() != 'aria-describedby']" mode="finish"/>
      <xsl:choose>
        <!-- The tree is searched for the message only when the field was refused. -->
        <xsl:when test="$field-errors[@field = $name] and //*[@id = concat('error-', $name)]">
          <xsl:attribute name="aria-invalid">true</xsl:attribute>
          <xsl:attribute name="aria-describedby">
            <xsl:value-of select="normalize-space(concat('error-', $name, ' ', @aria-describedby))"/>
          </xsl:attribute>
        </xsl:when>
        <xsl:when test="@aria-describedby">
          <xsl:copy-of select="@aria-describedby"/>
        </xsl:when>
      </xsl:choose>
      <xsl:apply-templates select="node()" mode="finish"/>
    </xsl:copy>
  </xsl:template>

  <!-- A date or month field keeps a refused value as typed: a browser would
       blank it in a date input, so such a field becomes a text input (and
       loses min and max, which a text input does not take). -->
  <xsl:template match="input[@type = 'date' or @type = 'month']/@type | input[@type = 'date' or @type = 'month']/@min | input[@type = 'date' or @type = 'month']/@max"
                mode="finish">
    <xsl:variable name="shape" select="translate(../@value, '0123456789', '0000000000')"/>
    <xsl:choose>
      <xsl:when test="string(../@value) = '' or (../@type = 'date' and $shape = '0000-00-00')
                      or (../@type = 'month' and $shape = '0000-00')">
        <xsl:copy/>
      </xsl:when>
      <xsl:when test="name() = 'type'">
        <xsl:attribute name="type">text</xsl:attribute>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The error summary opens focused, so a screen reader starts with it and
       the next Tab reaches the form; no other element takes the focus. -->
  <xsl:template match="p[@id = 'form-error']" mode="finish">
    <xsl:copy>
      <xsl:apply-templates select="@*" mode="finish"/>
      <xsl:attribute name="tabindex">-1</xsl:attribute>
      <xsl:attribute name="autofocus">autofocus</xsl:attribute>
      <xsl:apply-templates select="node()" mode="finish"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="@autofocus" mode="finish">
    <xsl:if test="not(//*[@id = 'form-error'])"><xsl:copy/></xsl:if>
  </xsl:template>

</xsl:stylesheet>
