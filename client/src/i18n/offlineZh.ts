import type { offlineEn } from './offlineEn';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** 离线工作相关的简体中文文字。 */
export const offlineZh: Strings<typeof offlineEn> = {
  docNotCached: '此文档尚未在本设备上打开过，离线时无法显示。',
  historyUnavailable: '离线时无法查看历史记录，恢复联网后会自动加载。',
  timelineUnavailable: '离线时无法查看客户时间线，恢复联网后会自动加载。',
  boardInfoUnavailable: '离线：显示本设备上次保存的看板。',
  docs: { pack: '交接包', review: '需求颜色', plan: '交付计划' },
  waiting: {
    title: '等待发送：',
    docs_one: '{{count}} 个文档有未发送的编辑',
    docs_other: '{{count}} 个文档有未发送的编辑',
    docEdit: '“{{title}}”的{{doc}}中的编辑',
    more: '……另外还有 {{count}} 项',
    createCard: '新商机“{{title}}”',
    updateCard: '对“{{title}}”的修改',
    moveCard: '将“{{title}}”移到{{stage}}',
    archiveCard: '归档“{{title}}”',
    restoreCard: '恢复“{{title}}”',
    attachFile: '“{{title}}”的文件',
    tagAttachment: '“{{title}}”的文件类型',
    detachFile: '从“{{title}}”移除文件',
    board: '对看板设置的修改',
    generic: '对“{{title}}”的修改',
    allSaved: '所有修改都已保存到服务器。',
    offlineKept: '修改已保存在本设备上，重新联网后会自动发送。',
  },
  dropped: {
    readonly: '你对“{{title}}”的{{doc}}所做的离线编辑未被保留。{{editors}}。',
    epoch: '你对“{{title}}”的{{doc}}所做的离线编辑未被保留：服务器上的副本已被恢复，本设备的副本已被替换。',
    refused: '你对“{{title}}”的{{doc}}所做的离线编辑未被保留：你已无法打开该文档（{{reason}}）。',
  },
  redo: '重做',
  redoTitle: '再次尝试此修改',
  update: {
    available: 'Baton 有新版本可用。',
    reload: '重新加载',
    later: '稍后',
  },
};
