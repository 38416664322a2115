<?php
/**
 * Enough shoppable products from the service's nearest neighbours.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Blocks;

/**
 * The service ranks every product it has indexed, and some of those shoppers can no
 * longer see: deleted, unpublished or hidden in the shop with their removal job still
 * queued (a bulk delete of hundreds queues hundreds). Asking for a few extra is enough
 * on most pages; when it is not, one wider request fills the list rather than a page
 * showing one product where four were asked for. A fetch that costs more than
 * its answer (a search by photo: the photo is sent and analysed again) asks for
 * the widest list at once instead.
 */
final class VisibleMatches {

	/** The service's largest k. */
	public const MAX_K = 100;

	/**
	 * @param callable(int): list<array<string, mixed>> $fetch   Nearest items for a k.
	 * @param int                                      $count   How many to show.
	 * @param int                                      $exclude A product to leave out (the page's own).
	 * @param (callable(int): void)|null               $on_gone Told of each id the service returned that is no
	 *                                                          longer a post at all (deleted while its removal was lost).
	 * @param bool                                     $one_request Fetch once, with the largest k: for fetches whose
	 *                                                          cost is the request, not the k.
	 * @return list<int>
	 */
	public static function collect( callable $fetch, int $count, int $exclude = 0, ?callable $on_gone = null, bool $one_request = false ): array {
		$k     = $one_request ? self::MAX_K : min( self::MAX_K, max( $count * 3, $count + 4 ) );
		$items = $fetch( $k );
		$ids   = ProductListRenderer::visible_ids( $items, $count, $exclude );
		// A short answer means the service has no more to give.
		if ( count( $ids ) < $count && count( $items ) >= $k && $k < self::MAX_K ) {
			$items = $fetch( self::MAX_K );
			$ids   = ProductListRenderer::visible_ids( $items, $count, $exclude );
		}
		if ( null !== $on_gone ) {
			foreach ( $items as $item ) {
				$id = (int) ( $item['id'] ?? 0 );
				if ( $id > 0 && null === get_post( $id ) ) {
					$on_gone( $id );
				}
			}
		}
		return $ids;
	}
}
