/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

export default {
  // change the app name and vendor
  app: {
    name: '欢迎',
    // the header and the window title read vendor + ' ' + name
    vendor: '区纪委监委监督平台'
  },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'welcome' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // English that the locale files cannot reach (diagrams, decision tables, forms), see the script
  customScripts: ['scripts/chinese-words'],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // Chinese first; the browser language prefix ('zh-CN' -> 'zh') selects locales/zh.json
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // Jiandu's own pages, on the Welcome page after login (they share this login: one sign-in)
  links: [
    {label: '案件台账', href: '/cases', description: '查询、筛选、导出案件，查看案件详情、证据材料和文书'},
    {label: '监督日报', href: '/reports/daily', description: '日检查、日汇总、日报告及周通报'},
    {label: '通报曝光', href: '/notices', description: '已发布的典型问题通报（公开页面）'},
    {label: '流程部署与迁移', href: '/admin/migrations', description: '系统管理员：部署记录、运行中案件的迁移'}
  ],
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false
};
