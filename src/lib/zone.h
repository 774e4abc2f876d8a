/*
 * zone.h: the vault's time zone, loaded from the system's tzdata.
 *
 * The vault names its zone in the setting `timezone` (an IANA name such as
 * America/Chicago).  lb_zone_load reads DIR/NAME, where DIR is the tzdata
 * directory the front-end passes in (NULL for LB_ZONE_DIR; the CLI lets
 * LIFEBOAT_ZONEINFO override it for tests: library code reads no
 * environment), and parses it with tz.h.  A name that does not resolve to
 * a regular TZif file inside DIR (no "..", no symbolic link leading out of
 * it) is refused.
 */
#ifndef LB_ZONE_H
#define LB_ZONE_H

#include "err.h"
#include "tz.h"
#include "vault.h"

#define LB_ZONE_DIR		"/usr/share/zoneinfo"
#define LB_ZONE_NAME_MAX	65	/* a setting of 64 bytes and NUL */

/* 0 and *out (lb_tz_free), or -1 with a message naming the zone. */
int	lb_zone_load(const char *dir, const char *name, struct lb_tz **out,
	    struct lb_err *);
/*
 * The vault's zone: 0 with *out NULL when the setting is empty (name ""),
 * 0 with the zone, or -1 when the named zone cannot be loaded.  name
 * (when not NULL) gets the setting.
 */
int	lb_zone_of_vault(struct lb_vault *, const char *dir, struct lb_tz **out,
	    char name[LB_ZONE_NAME_MAX], struct lb_err *);

/*
 * An instant for people in the vault's zone ("2026-12-04 09:05 CST", with
 * seconds when asked), for pages and PDFs: UTC ("... UTC") when the vault
 * has no zone or it cannot be loaded.  out needs LB_TZ_HUMAN_STRLEN bytes.
 * Loads the zone on each call: a page formatting many instants should
 * call lb_zone_of_vault once and lb_tz_format for each.
 */
void	lb_zone_format(struct lb_vault *, const char *dir, int64_t utc_secs,
	    int seconds, char *out, size_t len);

#endif
