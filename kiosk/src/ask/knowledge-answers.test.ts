import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Content } from '@pls/shared/domain';
import { createKnowledgeBase } from './knowledge-answers';

const CONTENT = path.resolve(import.meta.dirname, '../../../assets/content/content.json');
const documents = async () => JSON.parse(await readFile(CONTENT, 'utf8')) as Content[];

describe('knowledge base answers (the committed content pack)', () => {
  it('answers a wage question in Chinese with the law article it rests on', async () => {
    const kb = createKnowledgeBase(await documents());
    const answers = kb.answer('老板拖欠工资不给', 'zh-Hans');
    expect(answers.length).toBeGreaterThan(0);
    const cited = answers.find((a) => a.citation);
    expect(cited?.citation?.lawName).toMatch(/劳动|工资/);
    expect(cited?.citation?.article).toBeGreaterThan(0);
  });

  it('answers the same question asked in Mongolian, in Mongolian', async () => {
    const kb = createKnowledgeBase(await documents());
    const [first] = kb.answer('ᠴᠠᠯᠢᠩ', 'mn-Mong', 'wage_arrears');
    expect(first?.title).toMatch(/[\u1820-\u18AA]/u);
  });

  it('a topic alone lists that topic’s answers, each cited', async () => {
    const kb = createKnowledgeBase(await documents());
    const answers = kb.answer('', 'zh-Hans', 'wage_arrears');
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.some((a) => a.citation !== undefined)).toBe(true);
  });

  it('finds nothing for words it does not know, so the person is offered to ask a lawyer', async () => {
    const kb = createKnowledgeBase(await documents());
    expect(kb.answer('qqqqzzzz', 'zh-Hans')).toEqual([]);
  });

  it('never answers from withdrawn content', async () => {
    const all = await documents();
    const withdrawn = all.map((d) => ({ ...d, withdrawn: true }));
    expect(createKnowledgeBase(withdrawn).answer('工资', 'zh-Hans')).toEqual([]);
  });
});
