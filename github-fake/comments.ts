/**
 * Issue comments: https://docs.github.com/en/rest/issues/comments
 * "Every pull request is an issue, but not every issue is a pull request": a PR's conversation comments are
 * issue comments on its number. Comments are "ordered by ascending ID". Nothing here dedupes: two creates
 * with the same body make two comments, as on GitHub.
 */
import { notFound, validationFailed } from './errors.js'
import type { Handler, HandlerContext } from './handler.js'
import { linkHeaders, paginate } from './pagination.js'
import { commentJson } from './shapes.js'
import type { CommentRecord } from './store.js'
import { checkBody } from './validate.js'

/** "Body is too long (maximum is 65536 characters)", GitHub's limit on issue and PR comment bodies. */
export const MAX_COMMENT_BODY = 65536

function issueNumber(ctx: HandlerContext): number {
  const n = Number(ctx.params.issue_number)
  if (!Number.isInteger(n) || !ctx.store.issueExists(n)) throw notFound(ctx.docs)
  return n
}

function commentOf(ctx: HandlerContext): CommentRecord {
  const comment = ctx.store.comments.get(Number(ctx.params.comment_id))
  if (!comment) throw notFound(ctx.docs)
  return comment
}

const json = (ctx: HandlerContext, comment: CommentRecord): Record<string, unknown> =>
  commentJson(comment, ctx.store.identity, ctx.store.pulls.has(comment.issueNumber), ctx.urls)

/** The body checks of create and update: present, a string, not blank, not over the limit. */
function checkCommentBody(ctx: HandlerContext): string {
  checkBody(ctx.body, { body: { type: 'string', required: true } }, ctx.docs)
  const body = ctx.body.body as string
  if (body.trim() === '') {
    throw validationFailed(ctx.docs, [
      { resource: 'IssueComment', code: 'unprocessable', field: 'data', message: 'Body cannot be blank' }
    ])
  }
  if (body.length > MAX_COMMENT_BODY) {
    throw validationFailed(ctx.docs, [
      {
        resource: 'IssueComment',
        code: 'unprocessable',
        field: 'data',
        message: `Body is too long (maximum is ${MAX_COMMENT_BODY} characters)`
      }
    ])
  }
  return body
}

/** https://docs.github.com/en/rest/issues/comments#list-issue-comments (since, per_page, page) */
export const listComments: Handler = ctx => {
  const n = issueNumber(ctx)
  const since = ctx.query.get('since')
  const sinceMs = since === null ? NaN : Date.parse(since)
  const all = [...ctx.store.comments.values()]
    .filter(c => c.issueNumber === n)
    // "Only show results that were last updated after the given time."
    .filter(c => Number.isNaN(sinceMs) || Date.parse(c.updatedAt) >= sinceMs)
    .sort((a, b) => a.id - b.id)
  const page = paginate(all, ctx.query, ctx.linkBase)
  return {
    status: 200,
    body: page.items.map(c => json(ctx, c)),
    headers: linkHeaders(page)
  }
}

/** https://docs.github.com/en/rest/issues/comments#create-an-issue-comment (201 with a Location header) */
export const createComment: Handler = ctx => {
  const n = issueNumber(ctx)
  const body = checkCommentBody(ctx)
  const now = ctx.store.now()
  const comment: CommentRecord = {
    id: ctx.store.id('comment'),
    issueNumber: n,
    body,
    user: ctx.grant.user,
    createdAt: now,
    updatedAt: now
  }
  ctx.store.comments.set(comment.id, comment)
  const out = json(ctx, comment)
  return { status: 201, body: out, headers: { location: String(out.url) } }
}

/** https://docs.github.com/en/rest/issues/comments#get-an-issue-comment */
export const getComment: Handler = ctx => ({ status: 200, body: json(ctx, commentOf(ctx)) })

/** https://docs.github.com/en/rest/issues/comments#update-an-issue-comment (any comment of the repository) */
export const updateComment: Handler = ctx => {
  const comment = commentOf(ctx)
  comment.body = checkCommentBody(ctx)
  comment.updatedAt = ctx.store.now()
  return { status: 200, body: json(ctx, comment) }
}

/** https://docs.github.com/en/rest/issues/comments#delete-an-issue-comment (204, no body) */
export const deleteComment: Handler = ctx => {
  const comment = commentOf(ctx)
  ctx.store.comments.delete(comment.id)
  return { status: 204 }
}
