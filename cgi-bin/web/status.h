/* web/status.h: the words that go with an HTTP status code. */
#ifndef WEB_STATUS_H
#define WEB_STATUS_H

/* RFC 9110's reason phrase for every status the programs answer with; "Error"
 * for any other, so that no status line is ever left without one. */
const char *status_reason(int status);

#endif
