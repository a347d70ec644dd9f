import { describe, expect, it } from 'vitest';
import { keepingNames, NameMemo } from '../../src/names/memo.ts';
import { makeToken, prepareName } from '../../src/names/tokens.ts';
import { nameKeyHashLists } from '../../src/names/keys.ts';
import { cachedTokenSimilarity, tokenSimilarity } from '../../src/names/similarity.ts';

describe('name caches keep listed names, not queries', () => {
  it('keeps values made inside keepingNames and only a few recent ones outside', () => {
    const memo = new NameMemo<string, number>(10);
    keepingNames(() => memo.set('listed', 1));
    memo.set('query', 2);
    expect(memo.get('listed')).toBe(1);
    expect(memo.get('query')).toBe(2); // still recent
    for (let i = 0; i < 600; i++) memo.set(`other ${i}`, i);
    expect(memo.get('query')).toBeUndefined(); // dropped with the recent values
    expect(memo.get('listed')).toBe(1);
  });

  it('clears or stops when full, as asked', () => {
    const clearing = new NameMemo<number, number>(2);
    const stopping = new NameMemo<number, number>(2, 'stop');
    keepingNames(() => {
      for (const m of [clearing, stopping]) for (let i = 0; i < 3; i++) m.set(i, i);
    });
    expect([clearing.get(0), clearing.get(2)]).toEqual([undefined, 2]);
    expect([stopping.get(0), stopping.get(2)]).toEqual([0, undefined]);
  });

  it("marks a query's own words and key lists as not kept, and a listed name's as kept", () => {
    const query = prepareName('Qwzxenko Vlortimir', 'person')[0];
    expect(query.tokens.map((t) => t.kept)).toEqual([false, false]);
    expect(nameKeyHashLists('Qwzxenko Vlortimir', ['person']).every((l) => !l.kept)).toBe(true);
    const listed = keepingNames(() => prepareName('Qwzxenko Vlortimir Petrovich', 'person')[0]);
    expect(listed.tokens.every((t) => t.kept)).toBe(true);
    // Later queries meet the interned tokens.
    expect(makeToken('qwzxenko', 'word')).toBe(listed.tokens[0]);
    expect(nameKeyHashLists('Qwzxenko', ['person'])[0].kept).toBe(true);
  });
});

describe('the token-pair similarity cache', () => {
  it('answers every kept pair, in every mode, as the similarity itself does', () => {
    const words = 'kim jong un chong jongun jeong prigozhin prigozhina prigojine yevgeny evgeniy muhammad mohammed abd al rahman hsin xin chien qian trading company sergei sergey ivanova ivanovna ri lee yi park bak'.split(' ');
    const tokens = keepingNames(() => words.map((w) => makeToken(w, 'word')));
    for (let pass = 0; pass < 2; pass++) {
      for (const a of tokens)
        for (const b of tokens)
          for (const vowelless of [false, true])
            for (const org of [false, true]) expect(cachedTokenSimilarity(a, b, vowelless, org), `${a.text}/${b.text}`).toEqual(tokenSimilarity(a, b, vowelless, org));
    }
  });
});
