import { useTranslation } from 'react-i18next';
import type { RecordGist } from '../../wizard/record-gist';

/** A record's gist in words: "Atelier Noord BV · 3 lines · € 45.20". */
export function RecordGistText({ gist }: { gist: RecordGist }) {
  const { t, i18n } = useTranslation();
  const money = (amount: number, currency: string) =>
    new Intl.NumberFormat(i18n.language, { style: 'currency', currency }).format(amount);
  switch (gist.kind) {
    case 'sale':
      return (
        <>
          {[
            gist.customer ?? t('wizard.outcome.gist.walkIn'),
            t('wizard.outcome.gist.lines', { count: gist.lines }),
            money(gist.total, gist.currency),
          ].join(' · ')}
        </>
      );
    case 'customer':
      return <>{gist.email ? `${gist.name} <${gist.email}>` : gist.name}</>;
    case 'product':
      return <>{gist.price === null ? gist.name : `${gist.name} · ${money(gist.price, gist.currency)}`}</>;
    case 'stock':
      return <>{t('wizard.outcome.gist.stock', { quantity: gist.quantity })}</>;
    case 'category':
      return <>{gist.name}</>;
  }
}
