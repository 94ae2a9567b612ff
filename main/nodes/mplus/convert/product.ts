import type { Article, Product as MplusProduct } from '../../../connectors/mplus/generated/model-types';
import { toJsonObject } from '../../../../shared/domain/json';
import { skuOfArticle } from '../article-skus';
import { roundTo, type Product } from '../../../../shared/domain/product';
import type { JsonObject } from '../../../../shared/flow/json';

/** The article's full name: its invoice text, else description with size and colour. */
function articleName(article: Article): string {
  return (
    article.invoiceText?.trim() ||
    [article.description, article.size, article.colour].filter(Boolean).join(' ') ||
    `Article ${article.articleNumber ?? ''}`
  );
}

/** One MplusKASSA article (of its product) as a canonical product; the SKU is the article number. */
export function articleToProduct(
  product: MplusProduct,
  article: Article,
  groups: ReadonlyMap<number, string>,
  quantity: number | undefined,
): Product {
  const groupNumber = product.groupNumbers?.[0];
  const attributes: JsonObject = {};
  if (article.colour) attributes.colour = article.colour;
  if (article.size) attributes.size = article.size;
  if (article.brandName) attributes.brand = article.brandName;
  if (article.turnoverGroup !== undefined) attributes.turnoverGroup = article.turnoverGroup;
  if (article.vatCode !== undefined) attributes.vatCode = article.vatCode;
  if (product.productNumber !== undefined) attributes.productNumber = product.productNumber;
  const longDescription = article.extraText || product.extraText;
  const groupName = groupNumber === undefined ? undefined : groups.get(groupNumber);
  return {
    source: { system: 'mplus', entity: 'article', id: String(article.articleNumber ?? '') },
    sku: skuOfArticle(article),
    ...(article.barcode ? { ean: article.barcode } : {}),
    name: articleName(article),
    ...(article.receiptText ? { shortDescription: article.receiptText } : {}),
    ...(longDescription ? { longDescription } : {}),
    ...(article.priceExcl === undefined ? {} : { priceExcl: article.priceExcl }),
    ...(article.priceIncl === undefined ? {} : { priceIncl: article.priceIncl }),
    ...(article.vatPercentage === undefined ? {} : { taxRate: article.vatPercentage }),
    currency: 'EUR',
    ...(quantity === undefined ? {} : { quantity }),
    ...(groupNumber === undefined
      ? {}
      : { category: { id: String(groupNumber), ...(groupName ? { name: groupName } : {}) } }),
    attributes,
    ...(article.active === undefined ? {} : { active: article.active }),
    raw: toJsonObject({ ...article, productNumber: product.productNumber }),
  };
}

/**
 * The article fields a (possibly partial) product payload sets; left-out fields (create-only ones
 * on an update) stay as MplusKASSA has them. Texts are cut to the lengths the till shows.
 */
export function productToArticle(product: Partial<Product>): Article {
  const article: Article = {};
  if (product.name !== undefined) {
    article.description = product.name;
    article.invoiceText = product.name;
    article.displayText = product.name.slice(0, 20);
  }
  if (product.shortDescription !== undefined) article.receiptText = product.shortDescription.slice(0, 30);
  if (product.longDescription !== undefined) article.extraText = product.longDescription;
  if (product.ean !== undefined) article.barcode = product.ean;
  // One price only: MplusKASSA computes the other from the VAT code (sending both could disagree).
  if (product.priceExcl !== undefined) article.priceExcl = roundTo(product.priceExcl, 2);
  else if (product.priceIncl !== undefined) article.priceIncl = roundTo(product.priceIncl, 2);
  if (product.active !== undefined) article.active = product.active;
  return article;
}
