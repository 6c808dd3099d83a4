import type { Messages } from './en.js';

/**
 * 日本語: 会場の案内表示の言い方で（「次のセッション」「5分後」「中止」）、24時間表記。
 * 部屋名やタイトルはプログラムの表記のまま。
 */
const at = (room: string | null) => (room ? `：${room}` : '');

export const ja: Messages = {
  lang: 'ja',
  locale: 'ja-JP',
  time: {
    clock: 'H:mm',
    day: 'M月d日 cccc',
    weekday: 'cccc',
    date: 'M月d日（ccc）',
    tomorrow: '明日',
    dayAt: (day, clock) => `${day} ${clock}`,
    now: 'まもなく',
    inMinutes: (n) => {
      if (n < 60) return `${n}分後`;
      const h = Math.floor(n / 60);
      return n % 60 === 0 ? `${h}時間後` : `${h}時間${n % 60}分後`;
    },
    dates: (a, b) => {
      if (a.hasSame(b, 'day')) return a.toFormat('yyyy年M月d日');
      if (a.hasSame(b, 'month')) return `${a.toFormat('yyyy年M月d日')}～${b.toFormat('d日')}`;
      return `${a.toFormat('yyyy年M月d日')}～${b.toFormat('M月d日')}`;
    },
    until: (clock) => `${clock}まで`,
    minutesLeft: (n) => `残り${n}分`,
  },
  screen: {
    connecting: 'Hallway ホストに接続しています…',
    alert: '緊急のお知らせ',
    announcement: 'お知らせ',
    offline: 'オフライン',
    offlineSince: (hm) => `${hm}からオフライン`,
    qr: (link) => `QRコード：${link}`,
  },
  session: {
    now: '現在のセッション',
    next: '次のセッション',
    nextWhen: (when) => `次のセッション・${when}`,
    scan: 'QRコードで詳細',
    changed: '変更',
    cancelled: '中止',
    cancelledBecause: (note) => `中止：${note}`,
    movedTo: (room) => `${room}に変更`,
    delay: (minutes, clock) =>
      minutes > 0 ? `${minutes}分遅れ — ${clock}開始` : `${Math.abs(minutes)}分繰り上げ — ${clock}開始`,
    chair: (names) => `座長：${names}`,
    moderator: 'モデレーター',
    sponsoredBy: (names) => `協賛：${names}`,
    talkNow: '発表中',
    talkNowEstimated: '発表中（推定）',
    speaking: (title, estimated) => `${estimated ? '発表中（推定）' : '発表中'}：${title}`,
    estimatedLegend: '~ は推定時刻',
    everyone: '全体',
  },
  kinds: {
    keynote: '基調講演',
    talk: '講演',
    panel: 'パネル',
    tutorial: 'チュートリアル',
    workshop: 'ワークショップ',
    other: 'セッション',
  },
  changes: {
    cancelled: (clock, kind, note) => `${clock}の${kind}は中止${note ? `（${note}）` : ''}`,
    moved: (clock, kind, room) => `${clock}の${kind}は${room}に変更`,
    nextHere: (title, day, clock) =>
      `この部屋の次のセッション：${title}（${day ? `${day} ` : ''}${clock}から）`,
    then: (first, then) => `${first} — ${then}`,
    list: (lines) => lines.join('、'),
    cancelledHeadline: (title) => `中止：${title}`,
    movedHeadline: (room, title) => `${room}に変更：${title}`,
  },
  status: {
    startsOn: (name, day, clock) => `${name}は${day} ${clock}に始まります`,
    tookPlace: (name, dates) => `${name}は${dates}に開催されました`,
    doneToday: 'この部屋の本日のプログラムは終了しました',
    stillToCome: (title, clock, room) => `このあと：${title}（${clock}から${room ? `・${room}` : ''}）`,
    nothingUntil: (clock) => `${clock}まで、この部屋の予定はありません`,
    nothingMoreToday: '本日この部屋の予定はもうありません',
    nothingLater: '本日この部屋でこのあとの予定はありません',
    nothingElsewhere: 'ほかの部屋では現在何も行われていません',
    noAnnouncements: 'お知らせはありません',
    thanksSponsors: 'ご協賛の皆様に感謝いたします',
  },
  venue: {
    break: (room, until) => `休憩${at(room)}（${until}まで）`,
    keynote: (room) => `ただいま基調講演中${at(room)}`,
    other: (label, room, until) => `${label}${at(room)}（${until}まで）`,
    meals: { breakfast: '朝食', lunch: '昼食', dinner: '夕食', brunch: 'ブランチ' },
  },
  place: {
    status: { filling: '混雑', full: '満席' },
    fillingDetail: '残りわずかです。列の中央へお詰めください',
    watch: (where, stream) =>
      where && stream
        ? `${where}または配信でご覧いただけます`
        : where
          ? `${where}でご覧いただけます`
          : stream
            ? '配信でご覧いただけます'
            : '申し訳ありません、満席です',
    streamQr: 'この部屋の配信',
  },
  slides: {
    later: 'この部屋の本日の予定',
    elsewhere: 'ほかの部屋で開催中',
    elsewhereMore: (n) => `ほか${n}室：全室はロビーの案内板に`,
    announcements: 'お知らせ',
    sponsorsNow: '協賛',
    sponsorsNext: 'このあとの協賛',
  },
  lobby: {
    today: '本日',
    nowAndNext: '現在と次',
    now: '現在',
    next: '次',
    nothingMoreToday: '本日の予定は終了',
    nextWhen: (clock, starts) => `${clock}・${starts}`,
    pageOf: (from, to, total) => (from === to ? `部屋 ${from}／${total}` : `部屋 ${from}–${to}／${total}`),
  },
};

export default ja;
