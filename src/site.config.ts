import { siteSchema } from './schemas/site.ts';

/** The association's facts. Editors may change these; the schema checks every field. */
export const site = siteSchema.parse({
  name: '辽宁省纺织服装协会',
  partnerName: '辽宁省服装设计师协会',
  description: '辽宁省纺织服装协会、辽宁省服装设计师协会官方网站：协会动态、通知公告、行业资讯、劳模风采、政策法规。',
  // 网站的公开地址：上线前改成协会的域名（如 https://www.example.org）；构建时环境变量 SITE_URL 优先。
  // The public address; set it before publishing. A build's SITE_URL overrides it (src/build/options.ts).
  url: 'http://localhost:4321',
  defaultSource: '辽宁省纺织服装协会',
  columns: [
    { name: '协会动态', slug: 'xiehui-dongtai', description: '协会工作、会议与活动。', order: 1 },
    { name: '通知公告', slug: 'tongzhi-gonggao', description: '协会发布和转发的通知、申报与参展组织。', order: 2 },
    { name: '行业资讯', slug: 'hangye-zixun', description: '辽宁及全国纺织服装行业的新闻。', order: 3 },
    { name: '劳模风采', slug: 'laomo-fengcai', description: '全国纺织工业劳动模范的事迹与风采。', order: 4 },
    { name: '政策法规', slug: 'zhengce-fagui', description: '与纺织服装行业相关的政策文件。', order: 5 },
  ],
  nav: [
    { column: 'xiehui-dongtai' },
    { column: 'tongzhi-gonggao' },
    { column: 'hangye-zixun' },
    { column: 'laomo-fengcai' },
    { column: 'zhengce-fagui' },
  ],
  profileColumn: 'laomo-fengcai',
  pageSize: 20,
  feedLimit: 50,
  feedContent: 'full',
  footer: {
    address: '沈阳市和平区青年大街322号昌鑫大厦F座1201室',
    phone: '024-86606281',
    fax: '024-83959409',
    email: 'LNGA@vip.163.com',
    copyright: '辽宁省纺织服装协会、辽宁省服装设计师协会版权所有©2014',
  },
  icp: { number: '辽ICP备2020011239号', link: 'https://beian.miit.gov.cn/' },
  // The back office (/admin/): 'local' (one computer, see docs/editing-guide.md), or a team's
  // Git server, e.g. { backend: 'gitea', repo: 'lnga/site', baseUrl: 'https://git.example.org', appId: '…' }.
  cms: { backend: 'local' },
});
