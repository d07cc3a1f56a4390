/* core/privilege.c: giving up root for good (see the header). */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "core/log.h"
#include "core/privilege.h"

int privilege_target(const char *user, uid_t *uid, gid_t *gid)
{
	struct passwd *pw;

	if (geteuid() != 0)
		return 1;
	if (user == NULL || *user == '\0' || strcmp(user, "root") == 0) {
		log_msg(LOG_ERR, "started as root: [site] user must name the unprivileged user to run as");
		return -1;
	}
	if ((pw = getpwnam(user)) == NULL || pw->pw_uid == 0) {
		log_msg(LOG_ERR, "cannot run as %s: no such unprivileged user", user);
		return -1;
	}
	*uid = pw->pw_uid;
	*gid = pw->pw_gid;
	return 0;
}

int privilege_drop(const char *user)
{
	uid_t uid;
	gid_t gid;
	int t = privilege_target(user, &uid, &gid);

	if (t != 0)
		return t > 0 ? 0 : -1;
	if (setgroups(0, NULL) != 0 || setgid(gid) != 0 || setuid(uid) != 0) {
		log_msg(LOG_ERR, "cannot become %s: %s", user, strerror(errno));
		return -1;
	}
	/* For good: root cannot be taken back. */
	if (setuid(0) == 0 || geteuid() == 0) {
		log_msg(LOG_ERR, "root could be taken back after becoming %s", user);
		return -1;
	}
	log_msg(LOG_INFO, "running as %s", user);
	return 0;
}
