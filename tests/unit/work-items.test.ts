// Which web addresses name a piece of work, and how Harvest's external_reference then reads.
import { describe, expect, it } from 'vitest';
import { findWorkItem, readWorkItem } from '../../shared/work-items';

describe('reading a work address', () => {
  it.each([
    [
      'https://github.com/acme/site/issues/12',
      'GitHub',
      'acme/site#12',
      'acme/site',
      'https://github.com/acme/site/issues/12',
    ],
    [
      'https://github.com/acme/site/pull/7/files?w=1#diff',
      'GitHub',
      'acme/site#7',
      'acme/site',
      'https://github.com/acme/site/pull/7',
    ],
    [
      'https://gitlab.com/grp/sub/app/-/issues/3',
      'GitLab',
      'grp/sub/app#3',
      'grp/sub/app',
      'https://gitlab.com/grp/sub/app/-/issues/3',
    ],
    [
      'https://gitlab.example.org/team/app/-/merge_requests/9',
      'GitLab',
      'team/app!9',
      'team/app',
      'https://gitlab.example.org/team/app/-/merge_requests/9',
    ],
    [
      'https://acme.atlassian.net/browse/PROJ-123',
      'Jira',
      'PROJ-123',
      'PROJ',
      'https://acme.atlassian.net/browse/PROJ-123',
    ],
    [
      'https://acme.atlassian.net/jira/software/projects/PROJ/boards/1?selectedIssue=PROJ-9',
      'Jira',
      'PROJ-9',
      'PROJ',
      'https://acme.atlassian.net/browse/PROJ-9',
    ],
    [
      'https://linear.app/acme/issue/ENG-42/fix-the-login',
      'Linear',
      'ENG-42',
      'ENG',
      'https://linear.app/acme/issue/ENG-42',
    ],
    [
      'https://trello.com/c/AbC123xy/42-card-title',
      'Trello',
      'AbC123xy',
      null,
      'https://trello.com/c/AbC123xy',
    ],
  ])('reads %s as %s %s in %s', (address, service, id, groupId, permalink) => {
    expect(readWorkItem(address)).toEqual({ service, id, groupId, permalink });
  });

  it.each([
    'https://example.com/acme/site/issues/12',
    'http://github.com/acme/site/issues/12',
    'https://github.com/acme/site',
    'https://github.com/acme/site/issues/twelve',
    'https://user:pw@github.com/acme/site/issues/12',
    'https://github.com:8443/acme/site/issues/12',
    'https://acme.atlassian.net/browse/not-a-key',
    'https://github.com/acme/site/issues/12\u001b]0;x\u0007',
    'javascript:alert(1)',
    'acme/site#12',
    `https://github.com/acme/${'a'.repeat(3000)}/issues/1`,
  ])('leaves %s as plain notes', (text) => {
    expect(readWorkItem(text)).toBeNull();
  });
});

describe('finding work in pasted notes', () => {
  it('takes the address out of the notes and keeps the words and the sentence around it', () => {
    expect(findWorkItem('Review https://github.com/acme/site/pull/7. Then ship')).toEqual({
      item: expect.objectContaining({ id: 'acme/site#7' }),
      rest: 'Review. Then ship',
    });
    expect(findWorkItem('see https://example.com/x and https://linear.app/a/issue/ENG-1')).toEqual({
      item: expect.objectContaining({ id: 'ENG-1' }),
      rest: 'see https://example.com/x and',
    });
    expect(findWorkItem('no address here')).toBeNull();
  });
});
