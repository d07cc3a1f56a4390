/* core/attrs.h: compiler attributes every module uses. */
#ifndef CORE_ATTRS_H
#define CORE_ATTRS_H

#define PORTAL_WUR __attribute__((warn_unused_result))
#define PORTAL_PRINTF(f, a) __attribute__((format(printf, f, a)))

#endif
