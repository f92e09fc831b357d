import type { LogLine } from '../log-stream/LogStreamView';
import type { NotificationItem } from '../notifications/types';
import type { Quote } from '../ticker/tickerState';

/** Data in one language for the gallery of every component state (stories and tests). */
export interface GalleryData {
  currency: string;
  quotes: Quote[];
  stage: string;
  jobError: string;
  streamError: string;
  /** Headings of the empty and the failed feed (landmarks need distinct names). */
  otherFeeds: [string, string];
  notifications: NotificationItem[];
  answer: string;
  log: LogLine[];
}

const ESC = '\u001b[';
const at = Date.UTC(2026, 0, 15, 9, 30);

export const galleryData: Record<'en' | 'ko' | 'ar', GalleryData> = {
  en: {
    currency: 'USD',
    quotes: [
      { symbol: 'AAPL', price: 187.23, change: 1.12, changePercent: 0.6 },
      { symbol: 'MSFT', price: 402.5, change: -2.4, changePercent: -0.59 },
      { symbol: 'GOOG', price: 141.8, change: 0, changePercent: 0 },
    ],
    stage: 'Building',
    jobError: 'Disk full',
    streamError: 'HTTP 503',
    otherFeeds: ['Mentions', 'Alerts'],
    notifications: [
      { id: 'n3', kind: 'error', title: 'Build failed', body: 'main #482', time: at },
      { id: 'n2', kind: 'success', title: 'Deploy finished', body: 'api v2.4.0', time: at - 6e5 },
      { id: 'n1', kind: 'info', title: 'Backup done', time: at - 36e5, read: true },
    ],
    answer:
      'Server-Sent Events keep **one** HTTP response open.\n\n- resume with `Last-Event-ID`\n- reconnect by itself',
    log: [
      { id: 1, level: 'info', text: `${ESC}32mINFO ${ESC}0m compiled 120 modules` },
      { id: 2, level: 'debug', text: 'cache hit for src/index.ts' },
      { id: 3, level: 'warn', text: `${ESC}33mwarning${ESC}0m unused variable 'tmp'` },
      { id: 4, level: 'error', text: `${ESC}31merror${ESC}0m TS2322 in src/app.ts` },
    ],
  },
  ko: {
    currency: 'KRW',
    quotes: [
      { symbol: '삼성전자', price: 71500, change: 800, changePercent: 1.13 },
      { symbol: '카카오', price: 48250, change: -650, changePercent: -1.33 },
      { symbol: '네이버', price: 201000, change: 0, changePercent: 0 },
    ],
    stage: '빌드 중',
    jobError: '디스크가 가득 찼습니다',
    streamError: '서버 응답 503',
    otherFeeds: ['멘션', '경보'],
    notifications: [
      { id: 'n3', kind: 'error', title: '빌드 실패', body: '메인 브랜치 482번', time: at },
      { id: 'n2', kind: 'success', title: '배포 완료', body: '버전 2.4.0', time: at - 6e5 },
      { id: 'n1', kind: 'info', title: '백업 완료', time: at - 36e5, read: true },
    ],
    answer:
      '서버 전송 이벤트는 **하나의** 응답을 열어 둡니다.\n\n- 마지막 이벤트 번호로 이어받기\n- 스스로 다시 연결',
    log: [
      { id: 1, level: 'info', text: `${ESC}32m모듈 120개 컴파일됨${ESC}0m` },
      { id: 2, level: 'debug', text: '캐시 적중' },
      { id: 3, level: 'warn', text: `${ESC}33m사용하지 않는 변수${ESC}0m` },
      { id: 4, level: 'error', text: `${ESC}31m형식 오류${ESC}0m` },
    ],
  },
  ar: {
    currency: 'SAR',
    quotes: [
      { symbol: 'أرامكو', price: 27.85, change: 0.35, changePercent: 1.27 },
      { symbol: 'سابك', price: 71.2, change: -1.1, changePercent: -1.52 },
      { symbol: 'الراجحي', price: 88.4, change: 0, changePercent: 0 },
    ],
    stage: 'البناء',
    jobError: 'القرص ممتلئ',
    streamError: 'استجابة الخادم 503',
    otherFeeds: ['الإشارات', 'التنبيهات'],
    notifications: [
      { id: 'n3', kind: 'error', title: 'فشل البناء', body: 'الفرع الرئيسي ٤٨٢', time: at },
      { id: 'n2', kind: 'success', title: 'اكتمل النشر', body: 'الإصدار 2.4.0', time: at - 6e5 },
      { id: 'n1', kind: 'info', title: 'اكتمل النسخ الاحتياطي', time: at - 36e5, read: true },
    ],
    answer:
      'تُبقي الأحداث المرسلة من الخادم **استجابة** واحدة مفتوحة.\n\n- الاستئناف من آخر معرّف\n- إعادة الاتصال تلقائيًا',
    log: [
      { id: 1, level: 'info', text: `${ESC}32mINFO ${ESC}0m compiled 120 modules` },
      { id: 2, level: 'debug', text: 'cache hit for src/index.ts' },
      { id: 3, level: 'warn', text: `${ESC}33mwarning${ESC}0m unused variable 'tmp'` },
      { id: 4, level: 'error', text: `${ESC}31merror${ESC}0m TS2322 in src/app.ts` },
    ],
  },
};
