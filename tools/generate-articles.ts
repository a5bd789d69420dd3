// Generates realistic Chinese articles for the benchmark (never into content/): headlines
// and paragraphs assembled from the vocabulary of textile-industry news, across the columns
// and ten years, about 1,500 characters each. Like real news, each article is about
// something: one or two places, organisations and topics, one kind of event, with now and
// then a mention of others ('topical'). 'uniform' draws every sentence from the whole
// vocabulary, so nearly every article holds every phrase: the worst case for search.
import { seededRandom } from './seeded-random.ts';
const PLACES = [
  '沈阳',
  '大连',
  '鞍山',
  '抚顺',
  '本溪',
  '丹东',
  '锦州',
  '营口',
  '阜新',
  '辽阳',
  '铁岭',
  '朝阳',
  '盘锦',
  '葫芦岛',
  '海城',
  '西柳',
  '小北河',
  '佟二堡',
];
const ORGS = [
  '省纺织服装协会',
  '服装设计师协会',
  '纺织工业联合会',
  '服装商业管理集团',
  '印花行业协会',
  '针织企业',
  '服装产业园',
  '商会',
  '职业技术学院',
  '检测中心',
];
const TOPICS = [
  '产业集群',
  '品牌培育',
  '数字化转型',
  '智能制造',
  '绿色发展',
  '时尚设计',
  '跨境电商',
  '面辅料市场',
  '人才培养',
  '质量提升',
  '标准建设',
  '展会交流',
  '技术创新',
  '市场拓展',
  '党建引领',
];
const VERBS = ['召开', '举办', '推进', '发布', '开展', '组织', '参加', '启动', '完成', '签约'];
const EVENTS = [
  '工作会议',
  '专题培训',
  '交流座谈会',
  '成果发布会',
  '博览会',
  '设计大赛',
  '调研活动',
  '表彰大会',
  '推介活动',
  '论坛',
];
const CLAUSES = [
  '进一步提升了行业整体水平',
  '为企业高质量发展注入了新动力',
  '得到了与会代表的一致好评',
  '推动产业链上下游协同发展',
  '扩大了辽宁纺织服装的影响力',
  '全年实现交易额{n}亿元',
  '共有{n}家企业参加',
  '吸引了{n}多名专业观众',
  '新增就业岗位{n}个',
  '同比增长{n}%',
];
const COLUMNS = ['协会动态', '通知公告', '行业资讯', '劳模风采', '政策法规'];

export interface GeneratedArticle {
  /** Path inside the site, e.g. content/articles/bench/2019/bench-00042.md. */
  path: string;
  source: string;
}

export type ArticleText = 'topical' | 'uniform';

/** How often a sentence of a topical article names something outside its focus. */
const ASIDE = 0.1;

/** `count` articles, the same for the same seed. */
export function generateArticles(count: number, seed = 1, text: ArticleText = 'topical'): GeneratedArticle[] {
  const next = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const number = (): string => String(Math.floor(next() * 900) + 10);
  /** One or two items of a list: what an article is about. */
  const few = <T>(list: readonly T[]): T[] => [...new Set([pick(list), ...(next() < 0.5 ? [pick(list)] : [])])];
  return Array.from({ length: count }, (_, i) => {
    const focus = { places: few(PLACES), orgs: few(ORGS), topics: few(TOPICS), events: [pick(EVENTS)] };
    const from = <T>(own: T[], all: readonly T[]): T => (text === 'uniform' || next() < ASIDE ? pick(all) : pick(own));
    const place = () => from(focus.places, PLACES);
    const org = () => from(focus.orgs, ORGS);
    const topic = () => from(focus.topics, TOPICS);
    const event = () => from(focus.events, EVENTS);
    const sentence = (): string =>
      `${place()}${org()}${pick(VERBS)}${topic()}${event()}，${pick(CLAUSES).replace('{n}', number())}。`;
    const year = 2014 + Math.floor(next() * 11);
    const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
    const title = `${place()}${org()}${pick(VERBS)}${topic()}${event()}`;
    const paragraphs = Array.from({ length: 6 + Math.floor(next() * 6) }, () =>
      Array.from({ length: 3 + Math.floor(next() * 4) }, sentence).join(''),
    );
    const id = `bench-${String(i + 1).padStart(5, '0')}`;
    const source = [
      '---',
      `title: ${title}`,
      `date: ${year}-${month}-${day}`,
      `column: ${pick(COLUMNS)}`,
      `tags: [${topic()}, ${place()}]`,
      '---',
      '',
      ...paragraphs.flatMap((p) => [p, '']),
    ].join('\n');
    return { path: `content/articles/bench/${year}/${id}.md`, source };
  });
}
