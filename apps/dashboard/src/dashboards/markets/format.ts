const price = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const signed = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  signDisplay: 'exceptZero',
});

/** `$187.23` */
export const formatPrice = (n: number) => price.format(n);
/** `+1.12` / `-0.40` */
export const formatChange = (n: number) => signed.format(n);
/** `+0.60%` */
export const formatPercent = (n: number) => `${signed.format(n)}%`;
/** `up`, `down` or `flat`, for `data-direction`. */
export const direction = (n: number) => (n > 0 ? 'up' : n < 0 ? 'down' : 'flat');
