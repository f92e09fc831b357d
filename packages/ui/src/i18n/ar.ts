import type { LabelSet } from './labels';

/**
 * Arabic, right to left: the stories' and tests' RTL locale, and an example of adding a language
 * outside the package (not exported: copy it into your app). A `LabelSet` may leave labels out;
 * they stay English.
 */
export const ar = {
  locale: 'ar',
  status: {
    label: 'الاتصال',
    text: '{label}: {status}',
    connecting: 'جارٍ الاتصال…',
    open: 'مباشر',
    reconnecting: 'جارٍ إعادة الاتصال…',
    reconnectingIn: 'إعادة الاتصال {in}',
    reconnectingNow: 'جارٍ إعادة الاتصال الآن',
    closed: 'مغلق',
    failed: 'فشل {label}: {error}',
    unknownError: 'خطأ غير معروف',
    reconnect: 'إعادة الاتصال',
  },
  ticker: {
    label: 'الأسعار',
    symbol: 'الرمز',
    price: 'السعر',
    change: 'التغيّر',
    changePercent: 'التغيّر ٪',
    waiting: 'جارٍ الاتصال… في انتظار الأسعار',
    empty: 'في انتظار الأسعار…',
    stale: 'جارٍ إعادة الاتصال… قد لا تكون الأسعار محدّثة',
    failed: 'الأسعار غير متاحة: {error}',
  },
  notification: {
    info: 'معلومة',
    success: 'نجاح',
    warning: 'تحذير',
    error: 'خطأ',
    details: 'التفاصيل',
    dismiss: 'إغلاق: {title}',
    unreadItem: 'جديد',
    announce: '{kind}: {title}',
    announceBody: '{kind}: {title}. {body}',
  },
  feed: {
    title: 'الإشعارات',
    unread: {
      zero: 'لا غير مقروء',
      one: 'واحد غير مقروء',
      two: 'اثنان غير مقروءين',
      few: '{count} غير مقروءة',
      many: '{count} غير مقروء',
      other: '{count} غير مقروء',
    },
    markAllRead: 'تعليم الكل كمقروء',
    empty: 'لا توجد إشعارات بعد',
    waiting: 'جارٍ الاتصال… ستظهر الإشعارات الجديدة هنا',
    failed: 'الإشعارات غير متاحة: {error}',
  },
  toasts: {
    toastsLabel: 'تنبيهات الإشعارات',
    queued: { one: 'واحد آخر في الانتظار', other: '{count} أخرى في الانتظار' },
  },
  progress: {
    label: 'التقدّم',
    working: 'جارٍ العمل…',
    eta: 'متبقٍ نحو {duration}',
    done: 'تم',
    failed: 'فشل: {error}',
    failedUnknown: 'فشل',
  },
  tokenStream: {
    label: 'الإجابة',
    stop: 'إيقاف',
    waiting: 'جارٍ التفكير…',
    stopped: 'توقّف',
    failed: 'فشل: {error}',
    failedUnknown: 'فشل: تعذّر إكمال الإجابة',
  },
  log: {
    label: 'السجل',
    jump: 'الانتقال إلى الأحدث',
    waiting: 'في انتظار المخرجات…',
    done: 'تم: انتهى بنجاح',
    failed: 'فشل: انتهى مع أخطاء',
    streamFailed: 'السجل غير متاح: {error}',
    debug: 'تصحيح',
    info: 'معلومة',
    warn: 'تحذير',
    error: 'خطأ',
  },
} satisfies LabelSet;
