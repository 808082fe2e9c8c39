/* html.h: the plain text of an HTML fragment, as TimelineJS files and
 * sheets hold their texts: paragraphs kept, lists as bullets, links' addresses
 * kept beside their text, entities decoded; and beside it the runs that were
 * bold, italic or links (richtext.h). */
#ifndef FRISE_HTML_H
#define FRISE_HTML_H

#include "arena.h"
#include "richtext.h"

/* The text with "\n\n" between paragraphs: tags go, block tags become
 * paragraph breaks, <br> a line break, list items "• ", a link's address
 * follows its text in brackets (never silently lost), and entities are
 * decoded. A fragment without '<' or '&' is taken as typed, its line breaks
 * kept. In the arena; NULL when memory runs out. */
const char *html_to_text(Arena *arena, const char *html);

/* html_to_text, and in *rich (when not NULL) the runs of the text that
 * were bold (<b>, <strong>), italic (<i>, <em>, <cite>) or a link to an
 * http(s) or mailto address (<a href>, which keeps its address decoded),
 * and the " (address)" written after a link (RICH_ADDRESS), all in the
 * arena. Unclosed tags style the text to its end; stray closing tags do
 * nothing. A text without styles, or when memory for the runs runs out,
 * gets a plain *rich. */
const char *html_to_rich(Arena *arena, const char *html, RichText *rich);

#endif
