/*
 * tiao.h — the public interface of libtiao, a library for Chinese statute texts.
 *
 * One header, one prefix (tiao_). Every type whose layout may change is opaque.
 *
 * Conventions (after libgit2):
 *  - functions return int: 0 on success, a negative TIAO_E* code on failure;
 *  - output parameters come first and are named out;
 *  - a failing call fills the caller's tiao_error (if non-NULL) with a one-line message and, where
 *    the failure has a place in an input, its file, line and column (1-based, column in characters);
 *  - the library never prints and never exits; warnings go to a tiao_diag_cb callback;
 *  - objects returned through out must be released with the matching *_free function; a NULL
 *    argument to any *_free function is a no-op;
 *  - strings passed in are UTF-8 and are copied where they must outlive the call; strings handed out
 *    belong to the object they were read from and live as long as it does.
 */
#ifndef TIAO_H
#define TIAO_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TIAO_VERSION "0.1.0"
#define TIAO_VERSION_MAJOR 0
#define TIAO_VERSION_MINOR 1
#define TIAO_VERSION_PATCH 0

/* ---------------------------------------------------------------------------------------------
 * Errors and diagnostics
 * ------------------------------------------------------------------------------------------- */

enum {
	TIAO_OK = 0,
	TIAO_ERROR = -1,      /* generic failure */
	TIAO_ENOMEM = -2,     /* out of memory */
	TIAO_EIO = -3,        /* reading or writing failed */
	TIAO_EENCODING = -4,  /* input is not valid UTF-8 */
	TIAO_EPARSE = -5,     /* input has no recognisable structure */
	TIAO_ENOTFOUND = -6,  /* an instruction's target or phrase does not exist */
	TIAO_EAMBIGUOUS = -7, /* several readings, none preferred */
	TIAO_ECONFLICT = -8,  /* two instructions touch the same provision incompatibly */
	TIAO_ERANGE = -9,     /* a position or number out of range */
	TIAO_ERENUMBER = -10, /* a stated renumbering disagrees with the computed one */
	TIAO_EUNSUPPORTED = -11, /* an instruction tiao does not recognise */
	TIAO_EINVALID = -12   /* invalid argument */
};

typedef struct tiao_error {
	int code;
	char message[512];
	const char *file;   /* input name as given by the caller, or NULL */
	size_t line;        /* 1-based, 0 if unknown */
	size_t column;      /* 1-based, in characters; 0 if unknown */
	size_t byte_offset; /* offset in the input, where known */
} tiao_error;

typedef enum { TIAO_NOTE = 0, TIAO_WARNING = 1, TIAO_ERRORSEV = 2 } tiao_severity;

typedef struct tiao_diag {
	tiao_severity severity;
	const char *check;   /* short check id, e.g. "article-gap" */
	const char *message; /* one line, no trailing newline */
	const char *file;
	size_t line, column;
} tiao_diag;

/* Called for every warning or note; payload is the caller's pointer. */
typedef void (*tiao_diag_cb)(const tiao_diag *diag, void *payload);

/* The short name of an error code ("TIAO_ENOTFOUND" → "not found"). */
const char *tiao_strerror(int code);

/* ---------------------------------------------------------------------------------------------
 * Documents and nodes
 * ------------------------------------------------------------------------------------------- */

typedef struct tiao_doc tiao_doc;
typedef struct tiao_node tiao_node;
typedef struct tiao_iter tiao_iter;

typedef enum {
	TIAO_NODE_NONE = 0,
	TIAO_NODE_DOCUMENT,
	TIAO_NODE_PART,      /* 编 */
	TIAO_NODE_SUBPART,   /* 分编 */
	TIAO_NODE_CHAPTER,   /* 章 */
	TIAO_NODE_SECTION,   /* 节 */
	TIAO_NODE_ARTICLE,   /* 条 */
	TIAO_NODE_PARAGRAPH, /* 款 */
	TIAO_NODE_ITEM,      /* 项 */
	TIAO_NODE_SUBITEM,   /* 目 */
	TIAO_NODE_APPENDIX,  /* 附件 and any text after the last article */
	TIAO_NODE_FIRST_DIVISION = TIAO_NODE_PART,
	TIAO_NODE_LAST_DIVISION = TIAO_NODE_SECTION
} tiao_node_kind;

/* "chapter", "article", … as used in JSON output. */
const char *tiao_node_kind_name(tiao_node_kind kind);

typedef enum {
	TIAO_INPUT_AUTO = 0, /* detect */
	TIAO_INPUT_CLEAN,    /* one paragraph per line */
	TIAO_INPUT_GAZETTE,  /* PDF-extracted: blank line after each printed line, wraps, page artifacts */
	TIAO_INPUT_DATABASE  /* labels alone on a line, mid-sentence wraps, page footers */
} tiao_input_form;

typedef struct tiao_parse_options {
	unsigned version;
	tiao_input_form form;
	const char *filename; /* used in diagnostics; may be NULL */
} tiao_parse_options;
#define TIAO_PARSE_OPTIONS_VERSION 1
#define TIAO_PARSE_OPTIONS_INIT { TIAO_PARSE_OPTIONS_VERSION, TIAO_INPUT_AUTO, NULL }

/*
 * Parse a regulation from UTF-8 bytes (a BOM is accepted). On success *out is a new document the
 * caller frees with tiao_doc_free(). The bytes are copied; the caller may free them afterwards.
 * Fails with TIAO_EENCODING (err->byte_offset names the first bad byte) or TIAO_EPARSE (no title or
 * no article).
 */
int tiao_parse(tiao_doc **out, const char *bytes, size_t len, const tiao_parse_options *opts,
               tiao_error *err);
/*
 * The same, taking ownership of bytes instead of copying it: bytes must come from malloc and have
 * room for len + 1 bytes; the library frees it (with the document, or at once on failure), in every
 * case. Saves a copy of the input on large texts.
 */
int tiao_parse_buffer(tiao_doc **out, char *bytes, size_t len, const tiao_parse_options *opts,
                      tiao_error *err);
void tiao_doc_free(tiao_doc *doc);

const char *tiao_doc_title(const tiao_doc *doc);
size_t tiao_doc_note_count(const tiao_doc *doc);
const char *tiao_doc_note(const tiao_doc *doc, size_t i);
const char *tiao_doc_filename(const tiao_doc *doc);
tiao_node *tiao_doc_root(const tiao_doc *doc);
size_t tiao_doc_article_count(const tiao_doc *doc);
/* The article labelled num (and sub for 之一/之二; 0 otherwise), or NULL. */
tiao_node *tiao_doc_find_article(const tiao_doc *doc, int num, int sub);

tiao_node_kind tiao_node_kind_of(const tiao_node *node);
tiao_node *tiao_node_parent(const tiao_node *node);
tiao_node *tiao_node_first_child(const tiao_node *node);
tiao_node *tiao_node_last_child(const tiao_node *node);
tiao_node *tiao_node_next(const tiao_node *node);
tiao_node *tiao_node_prev(const tiao_node *node);
int tiao_node_num(const tiao_node *node);       /* article/chapter/item number; paragraph position */
int tiao_node_sub(const tiao_node *node);       /* 之N, else 0 */
const char *tiao_node_label(const tiao_node *node);   /* "第十条之一", "（一）", or NULL */
const char *tiao_node_heading(const tiao_node *node); /* chapter/section heading, or NULL */
const char *tiao_node_text(const tiao_node *node);    /* paragraph/item text, or NULL */
size_t tiao_node_line(const tiao_node *node);         /* 1-based input line, 0 if new */

/* Walking a tree: ENTER/EXIT events, as in cmark. Modify only after EXIT. */
typedef enum { TIAO_EVENT_NONE = 0, TIAO_EVENT_DONE, TIAO_EVENT_ENTER, TIAO_EVENT_EXIT } tiao_event;
int tiao_iter_new(tiao_iter **out, tiao_node *root);
tiao_event tiao_iter_next(tiao_iter *it);
tiao_node *tiao_iter_node(const tiao_iter *it);
void tiao_iter_reset(tiao_iter *it, tiao_node *node, tiao_event ev);
void tiao_iter_free(tiao_iter *it);

/* ---------------------------------------------------------------------------------------------
 * Output
 * ------------------------------------------------------------------------------------------- */

typedef enum { TIAO_FORMAT_TEXT = 0, TIAO_FORMAT_JSON, TIAO_FORMAT_XML, TIAO_FORMAT_HTML } tiao_format;

/* A growable output buffer; free its data with tiao_free(). */
typedef struct tiao_buf {
	char *data;
	size_t len, cap;
	int failed; /* set when an allocation or a flush failed; further appends are ignored */
	/* Optional streaming: when set, a buffer about to grow past flush_at bytes first hands its
	 * contents to flush (which returns 0, or -1 on failure) and starts again empty, so output of
	 * any size goes out in pieces of about flush_at bytes. Call tiao_buf_flush() at the end. */
	int (*flush)(const char *data, size_t len, void *payload);
	void *flush_payload;
	size_t flush_at;
} tiao_buf;
#define TIAO_BUF_INIT { NULL, 0, 0, 0, NULL, NULL, 0 }
/* Hand what the buffer holds to its flush callback (no-op without one). 0, or -1 on failure. */
int tiao_buf_flush(tiao_buf *buf);
void tiao_buf_free(tiao_buf *buf);
void tiao_free(void *p);

/* Render a document as canonical text or JSON (see docs/FORMATS.md), appending to out. */
int tiao_render_text(tiao_buf *out, const tiao_doc *doc);
int tiao_render_json(tiao_buf *out, const tiao_doc *doc);
/* Render a document as Akoma Ntoso 3.0 XML (docs/API.md), appending to out. */
int tiao_render_akn(tiao_buf *out, const tiao_doc *doc);

/* ---------------------------------------------------------------------------------------------
 * Gazettes
 * ------------------------------------------------------------------------------------------- */

typedef struct tiao_gazette tiao_gazette;

typedef enum {
	TIAO_DOC_UNKNOWN = 0,
	TIAO_DOC_ANNOUNCEMENT, /* 公告 */
	TIAO_DOC_REGULATION,   /* 条例/办法/规定/细则 */
	TIAO_DOC_DECISION,     /* 决定 */
	TIAO_DOC_EXPLANATION,  /* 说明 */
	TIAO_DOC_REPORT,       /* 报告, 审议意见, 审议结果, 调研, 执法检查 */
	TIAO_DOC_LIST,         /* 名单 */
	TIAO_DOC_AGENDA,       /* 议程 */
	TIAO_DOC_MINUTES,      /* 纪要 */
	TIAO_DOC_ANNEX,        /* 附件, 函 */
	TIAO_DOC_AMENDMENT     /* 修正案 */
} tiao_doc_kind;

const char *tiao_doc_kind_name(tiao_doc_kind kind);

/* Split gazette text into documents. */
int tiao_gazette_split(tiao_gazette **out, const char *bytes, size_t len, const char *filename,
                       tiao_error *err);
void tiao_gazette_free(tiao_gazette *g);
size_t tiao_gazette_count(const tiao_gazette *g);
tiao_doc_kind tiao_gazette_kind(const tiao_gazette *g, size_t i);
const char *tiao_gazette_title(const tiao_gazette *g, size_t i);
const char *tiao_gazette_first_line(const tiao_gazette *g, size_t i);
size_t tiao_gazette_line(const tiao_gazette *g, size_t i); /* 1-based start line in the input */
/* The document's clean text, one paragraph per line (owned by g). */
const char *tiao_gazette_text(const tiao_gazette *g, size_t i, size_t *len);

/* ---------------------------------------------------------------------------------------------
 * Validation
 * ------------------------------------------------------------------------------------------- */

/*
 * Check numbering and cross-references; every finding goes to cb. Returns the number of errors
 * found (>= 0), or a negative code.
 */
int tiao_validate(const tiao_doc *doc, tiao_diag_cb cb, void *payload);

/* ---------------------------------------------------------------------------------------------
 * Consolidation
 * ------------------------------------------------------------------------------------------- */

typedef struct tiao_consolidate_options {
	unsigned version;
	int keep_going;            /* apply what can be applied, report every failure */
	const char *regulation;    /* title of the group to apply in a package decision, or NULL */
	const char *decision_name; /* file name used in diagnostics */
	tiao_diag_cb trace;        /* if non-NULL: one note per applied operation */
	void *trace_payload;
} tiao_consolidate_options;
#define TIAO_CONSOLIDATE_OPTIONS_VERSION 1
#define TIAO_CONSOLIDATE_OPTIONS_INIT { TIAO_CONSOLIDATE_OPTIONS_VERSION, 0, NULL, NULL, NULL, NULL }

typedef struct tiao_result tiao_result;

/*
 * Apply a decision (single, package, or a whole gazette) to base. On success *out holds the
 * consolidated document. Failures of individual instructions go to cb as errors; the call then
 * returns the code of the first failure and *out is NULL, unless opts->keep_going is set, in which
 * case *out is still produced and the return value is still negative.
 */
int tiao_consolidate(tiao_result **out, const tiao_doc *base, const char *decision,
                     size_t decision_len, const tiao_consolidate_options *opts, tiao_diag_cb cb,
                     void *payload, tiao_error *err);
/*
 * Apply one more decision to a result in place (a regulation's amendment history: consolidate
 * BASE D1 D2 …): D2 is read against the text D1 produced, adds its own 题注 line, and its changes
 * are appended with decision index 1, 2, …. Same error convention as tiao_consolidate; on failure
 * without keep_going the result's text may be partly amended and must not be used.
 */
int tiao_result_apply(tiao_result *r, const char *decision, size_t decision_len,
                      const tiao_consolidate_options *opts, tiao_diag_cb cb, void *payload,
                      tiao_error *err);
void tiao_result_free(tiao_result *r);
const tiao_doc *tiao_result_doc(const tiao_result *r);
/* JSON: the document plus "changes" and "renumbering" (see docs/FORMATS.md). */
int tiao_render_result_json(tiao_buf *out, const tiao_result *r);
/* Akoma Ntoso 3.0 XML of a consolidated document: wId keeps base-text ids, the applied
 * instructions appear as meta/analysis/passiveModifications/textualMod. */
int tiao_render_result_akn(tiao_buf *out, const tiao_result *r);


/* ---------------------------------------------------------------------------------------------
 * Comparing two versions (diff) and checking an official text against a decision (verify)
 * ------------------------------------------------------------------------------------------- */

typedef struct tiao_diff tiao_diff;

typedef enum {
	TIAO_DIFF_SAME = 0,   /* same text, same number */
	TIAO_DIFF_ADDED,
	TIAO_DIFF_DELETED,
	TIAO_DIFF_MODIFIED,
	TIAO_DIFF_MOVED,      /* same text, out of order */
	TIAO_DIFF_RENUMBERED  /* same text (or only references renumbered consistently), new number */
} tiao_diff_op;

typedef enum {
	TIAO_DIFF_FMT_TEXT = 0, /* per changed article, [-deleted-]{+inserted+} */
	TIAO_DIFF_FMT_JSON,     /* {"changes": [...]} */
	TIAO_DIFF_FMT_HTML,     /* self-contained 修改前后对照表 */
	TIAO_DIFF_FMT_DECISION  /* a drafted 修改决定 that turns OLD into NEW */
} tiao_diff_format;
#define TIAO_DIFF_COLOR 1u /* text: ANSI colours instead of [- -]{+ +} markers */

/* "added", "deleted", "modified", "moved", "renumbered", "same". */
const char *tiao_diff_op_name(tiao_diff_op op);
/*
 * Align the articles of old_doc and new_doc (by content, not by number) and compute the changes.
 * Both documents must outlive *out, which the caller frees with tiao_diff_free().
 */
int tiao_diff_new(tiao_diff **out, const tiao_doc *old_doc, const tiao_doc *new_doc,
                  tiao_error *err);
void tiao_diff_free(tiao_diff *d);
/* Number of differences (changed articles and headings); 0 when the texts are equivalent. */
size_t tiao_diff_change_count(const tiao_diff *d);
/* Render the diff in fmt, appending to out. */
int tiao_diff_render(tiao_buf *out, const tiao_diff *d, tiao_diff_format fmt, unsigned flags);

/*
 * Compare a consolidation result with the official consolidated text and append a report (text,
 * or JSON with TIAO_VERIFY_JSON) to out: each difference with both locations and a classification
 * ("quote": text differs from the decision's quote; "text": differs where the decision changed
 * nothing; "renumbering"; "xref": cross-reference not rewritten; "structure": paragraph split or
 * merged differently; "heading"). Differences in paragraphing alone (same text, other line
 * breaks) are reported as notes and not counted unless TIAO_VERIFY_STRICT is set.
 * *nfindings receives the number of differences counted.
 */
#define TIAO_VERIFY_JSON 1u
#define TIAO_VERIFY_STRICT 2u
int tiao_verify(tiao_buf *out, size_t *nfindings, const tiao_result *r, const tiao_doc *official,
                unsigned flags, tiao_error *err);

#ifdef __cplusplus
}
#endif
#endif
