import type { SimilarItem } from '../api/types';
import { percent, safeHttpUrl } from '../app/format';

interface Props {
  items: SimilarItem[] | null;
  loading: boolean;
  error: string | null;
}

/** The nearest products in the shop's index, with a link to the product page when the index knows it. */
export function SimilarGrid({ items, loading, error }: Props) {
  return (
    <section class="card similar" aria-labelledby="similar-title" aria-busy={loading}>
      <h2 id="similar-title">Similar items</h2>
      {loading && <p role="status">Finding similar items…</p>}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {items && items.length === 0 && <p>No similar products yet: this shop has no products in its index.</p>}
      {items && items.length > 0 && (
        <ul class="similar__grid">
          {items.map((item) => {
            const name = item.name || `Product ${item.id}`;
            const photo = safeHttpUrl(item.image_url);
            const link = safeHttpUrl(item.permalink);
            return (
              <li key={item.id} class="similar__item">
                {photo ? (
                  <img src={photo} alt={name} loading="lazy" referrerpolicy="no-referrer" />
                ) : (
                  <div class="similar__nophoto" aria-hidden="true">
                    No photo
                  </div>
                )}
                <p class="similar__name">
                  {link ? (
                    <a href={link} target="_blank" rel="noopener noreferrer">
                      {name}
                    </a>
                  ) : (
                    name
                  )}
                </p>
                <p class="similar__score">Similarity {percent(item.score)}</p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
