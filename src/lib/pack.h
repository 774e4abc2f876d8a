/*
 * pack.h: the downtime release pack (capability E2).
 *
 * When CBP authorizes downtime, a shipment is released at the port on
 * paper: a CBP Form 3461 (Entry/Immediate Delivery) that an officer may key
 * into ACE, and the broker's signed downtime letter, which for a truck at a
 * land border names the driver (name, date of birth, plate, ACE trip
 * number) and otherwise the importer, carrier, trip and bill (CBP.md
 * sections 1 and 5).  lb_pack_load() gathers what the pack prints from the
 * vault, in one read snapshot, and says everything that is missing or that
 * forbids a paper release; lb_pack_pdf() lays it out.
 *
 * A paper release is refused for entry type 86 (closed since CSMS
 * #66065494) and for informal entries (types 11 and 12) of goods covered by
 * the de minimis suspension of August 2025: entered value at or below the
 * vault setting deminimis_cents.
 *
 * Ownership: a struct lb_pack owns copies of every value it prints; the
 * vault may be closed once it is loaded.  lb_pack_free() releases it.
 */
#ifndef LB_PACK_H
#define LB_PACK_H

#include <stdint.h>

#include "err.h"
#include "journal.h"
#include "vault.h"

struct lb_pack;

/*
 * Load shipment ref and what its pack needs (the shipment, its client, the
 * brokerage, its lines, the downtime authorizations, the oob_contact
 * setting), in one read snapshot.  Returns:
 *
 *   LB_PACK_READY (0)      *out holds the pack;
 *   LB_PACK_REFUSED (1)    every reason in *missing, one problem each, in
 *                          plain words then the column (e.g. "shipment S1:
 *                          the truck driver's date of birth is missing
 *                          (driver_dob)"), *out NULL;
 *   LB_PACK_NOT_FOUND (2)  no such shipment, *e says so, *out NULL;
 *   -1                     the vault cannot be read, or out of memory (*e).
 *
 * Not finding the shipment is told apart from failing to read the vault so
 * that a front-end can call the first a data problem and the second an
 * operational failure.  missing is initialised by the caller
 * (lb_problems_init) and freed by it.
 */
#define LB_PACK_READY		0
#define LB_PACK_REFUSED		1
#define LB_PACK_NOT_FOUND	2
int	lb_pack_load(struct lb_vault *, const char *ref, struct lb_pack **out,
	    struct lb_problems *missing, struct lb_err *);

/*
 * Would the pack of shipment ref be made once an entry number is drawn
 * for it?  Checked before the number is drawn, so that a draw can refuse
 * (naming every missing field) instead of binding a number to a shipment
 * the port cannot release.  The shipment is judged as if a number of one
 * of the brokerage's filer codes were assigned (so the missing number is
 * not reported, nor its filer code), with entry_type as its entry type
 * when entry_type is not 0 (the type the draw will set).  Released and
 * cancelled shipments are refused.  Same returns and *missing as
 * lb_pack_load(); nothing is handed out.
 */
int	lb_pack_check_draw(struct lb_vault *, const char *ref, int entry_type,
	    struct lb_problems *missing, struct lb_err *);

/*
 * Write the pack as one PDF at path, atomically (pdf.h): the CBP Form 3461
 * (continued on more pages when the lines do not fit), then the downtime
 * letter, dated the UTC day of now (seconds since the epoch), which is also
 * the day a downtime authorization (relief of type downtime) must be in
 * force for the letter to cite it.  A path that exists is refused.
 */
int	lb_pack_pdf(const struct lb_pack *, int64_t now, const char *path,
	    struct lb_err *);
/*
 * The same, oflags 0 or LB_OUT_FORCE (outfile.h): lb_pack_pdf() refuses a
 * path that exists; with LB_OUT_FORCE a regular file there is replaced.
 */
int	lb_pack_pdf_to(const struct lb_pack *, int64_t now, const char *path,
	    int oflags, struct lb_err *);
/* The same, recording what is drawn into log (pdf.h, lb_pdf_log). */
struct lb_buf;
int	lb_pack_pdf_log(const struct lb_pack *, int64_t now, const char *path,
	    int oflags, struct lb_buf *log, struct lb_err *);

/* The shipment's ref and entry number as loaded (for messages). */
const char *lb_pack_ref(const struct lb_pack *);
const char *lb_pack_entry_number(const struct lb_pack *);

void	lb_pack_free(struct lb_pack *);

/*
 * Every shipment waiting for a paper release: it has an entry number and
 * its status is neither released nor cancelled.  The refs are gathered in
 * one read snapshot, in ref order, then cb is called for each outside it
 * (so cb may load the pack).  cb returns 0 to go on, -1 to stop (then
 * lb_pack_pending returns -1 and leaves *e to cb).
 */
typedef int	lb_pack_ref_cb(void *arg, const char *ref);
int	lb_pack_pending(struct lb_vault *, lb_pack_ref_cb *, void *arg,
	    struct lb_err *);

#endif
