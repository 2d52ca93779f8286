/*
 * amend.h — the amendment engine: resolve every instruction against the base tree, apply them,
 * renumber, rewrite carried-over cross-references, add the 题注 line.
 */
#ifndef TIAO_AMEND_H
#define TIAO_AMEND_H

#include "decision.h"
#include "node.h"

/* One elementary operation the engine applied (for JSON "changes", traces and AKN textualMod). */
typedef struct tiao_change {
	const char *label;   /* instruction label in the decision */
	size_t line, col;    /* in the decision */
	tiao_op op;
	const char *what;    /* "repeal", "substitution", "insertion", "replacement", "renumbering", … */
	tiao_addr target;    /* base numbering (0 fields when new) */
	int new_art, new_art_sub; /* result article number, 0 if deleted */
	int new_para, new_item;
	int count;           /* occurrences replaced, for substitutions; a phrase operation over the
	                      * whole text (or a chapter) gives one change per article touched, with
	                      * target = that article (base numbering) and its own count (§3) */
	int decision_index;  /* which decision (0-based) when several are applied in order */
} tiao_change;

typedef struct tiao_renum {
	int old_num, old_sub, new_num, new_sub; /* new_num == 0: deleted */
} tiao_renum;

struct tiao_result {
	tiao_doc *doc;
	TIAO_VEC(tiao_change) changes;
	TIAO_VEC(tiao_renum) renumbering; /* per decision applied, in order */
	tiao_arena arena;
	size_t ndecisions;
	TIAO_VEC(tiao_decision *) decisions; /* owned: change labels point into them */
};

/*
 * Apply dec to a copy of base. Errors are reported through cb (severity error, file:line:col in the
 * decision) and warnings too (references to deleted provisions). Returns 0 or the first error code;
 * *out is set on success, or on failure when keep_going is set. The changes of the result point
 * into dec (labels), so dec must outlive the result.
 */
int tiao_amend(tiao_result **out, const tiao_doc *base, const tiao_decision *dec, int keep_going,
               tiao_diag_cb cb, void *payload, tiao_diag_cb trace, void *trace_payload,
               tiao_error *err);

#endif
