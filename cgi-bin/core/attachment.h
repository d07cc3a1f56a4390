/*
 * core/attachment.h: what a file sent with an appeal is, judged from its
 * bytes (libmagic), never from its name; an image's size in pixels read
 * from its header; the name it was sent under, made safe to show.
 */
#ifndef CORE_ATTACHMENT_H
#define CORE_ATTACHMENT_H

#include <stddef.h>

#include "core/attrs.h"

enum attachment_type { ATT_OTHER, ATT_JPEG, ATT_PNG, ATT_PDF };

#define ATTACHMENT_NAME_MAX 100   /* characters shown */
#define IMAGE_SIDE_MAX 10000      /* pixels a side */
#define IMAGE_PIXELS_MAX 40000000 /* a 40-megapixel photo */

/* The type libmagic finds in the first n bytes; ATT_OTHER for anything else
 * (or when libmagic cannot be loaded, which is logged). */
enum attachment_type attachment_type(const unsigned char *, size_t);
const char *attachment_mime(enum attachment_type);
/* The type a stored file was kept as (attachment_mime's words); ATT_OTHER for others. */
enum attachment_type attachment_of_mime(const char *);
const char *attachment_ext(enum attachment_type);
/* A JPEG's or PNG's width and height from its header; -1 if it has none. */
int image_size(enum attachment_type, const unsigned char *, size_t, unsigned *w,
	       unsigned *h) PORTAL_WUR;
/* 1 if an image of that size may be kept. */
int image_size_ok(unsigned w, unsigned h);
/*
 * The sender's name for the file, fit to be shown: the part after the last
 * '/' or '\\', invalid UTF-8 and control characters dropped, at most
 * ATTACHMENT_NAME_MAX characters, "file" if nothing is left.  out holds
 * 4 * ATTACHMENT_NAME_MAX + 1 bytes.
 */
void attachment_name(const char *in, char out[4 * ATTACHMENT_NAME_MAX + 1]);

#endif
