/* html.h: the plain text of an HTML fragment, as TimelineJS files and
 * sheets hold their texts: paragraphs kept, lists as bullets, links' addresses
 * kept beside their text, entities decoded. */
#ifndef FRISE_HTML_H
#define FRISE_HTML_H

#include "arena.h"

/* The text with "\n\n" between paragraphs: tags go, block tags become
 * paragraph breaks, <br> a line break, list items "• ", a link's address
 * follows its text in brackets (never silently lost), and entities are
 * decoded. A fragment without '<' or '&' is taken as typed, its line breaks
 * kept. In the arena; NULL when memory runs out. */
const char *html_to_text(Arena *arena, const char *html);

#endif
