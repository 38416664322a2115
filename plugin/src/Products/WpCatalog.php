<?php
/**
 * Catalogue queries through WP_Query.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Products;

/**
 * Products are posts (HPOS covers orders only), so WP_Query with a meta query is
 * the supported, prepared way to find them.
 */
final class WpCatalog implements Catalog {

	/** Every post status but trash and the editor's unsaved auto-drafts. */
	private const STATUSES = array( 'publish', 'private', 'draft', 'pending', 'future' );

	/** Post types the plugin annotates: variations too, for the colours shoppers filter by. */
	private const ANNOTATED_TYPES = array( 'product', 'product_variation' );

	/**
	 * How an annotation record that left the index reads in the database: wp_json_encode() of
	 * `indexed => false`. A label cannot fake it, as JSON escapes the quotes inside a string.
	 */
	private const UNINDEXED = '"indexed":false';

	/**
	 * {@inheritDoc}
	 */
	public function count_unannotated(): int {
		$query = new \WP_Query( array_replace( $this->unannotated_args( 1 ), array( 'no_found_rows' => false ) ) );
		return (int) $query->found_posts;
	}

	/**
	 * {@inheritDoc}
	 */
	public function next_unannotated( int $after_id, int $limit ): array {
		return $this->ids_after( $after_id, $this->unannotated_args( $limit ) );
	}

	/**
	 * {@inheritDoc}
	 */
	public function next_indexed( int $after_id, int $limit ): array {
		$args = self::ids_by_id_args(
			'product',
			$limit,
			array(
				array(
					'key'     => AnnotationMeta::ANNOTATION,
					'compare' => 'EXISTS',
				),
			)
		);
		return $this->ids_after( $after_id, self::for_shoppers( $args ) );
	}

	/**
	 * {@inheritDoc}
	 */
	public function count_unindexed(): int {
		$query = new \WP_Query( array_replace( self::unindexed_args( 1 ), array( 'no_found_rows' => false ) ) );
		return (int) $query->found_posts;
	}

	/**
	 * {@inheritDoc}
	 */
	public function next_unindexed( int $after_id, int $limit ): array {
		return $this->ids_after( $after_id, self::unindexed_args( $limit ) );
	}

	/**
	 * {@inheritDoc}
	 */
	public function next_recorded_indexed( int $after_id, int $limit ): array {
		return $this->ids_after(
			$after_id,
			self::ids_by_id_args( 'product', $limit, array( self::record_says_unindexed( 'NOT LIKE' ) ) )
		);
	}

	/**
	 * Query of products shoppers can see whose annotation is not in the index.
	 *
	 * @param int $limit Page size.
	 * @return array<string, mixed>
	 */
	private static function unindexed_args( int $limit ): array {
		return self::for_shoppers( self::ids_by_id_args( 'product', $limit, array( self::record_says_unindexed( 'LIKE' ) ) ) );
	}

	/**
	 * Meta condition on the annotation record's `indexed` (a JSON string, so a text match).
	 *
	 * @param string $compare LIKE: the record says it left the index; NOT LIKE: an annotation that does not say so.
	 * @return array<string, string>
	 */
	private static function record_says_unindexed( string $compare ): array {
		return array(
			'key'     => AnnotationMeta::ANNOTATION,
			'value'   => self::UNINDEXED,
			'compare' => $compare,
		);
	}

	/**
	 * Narrows a query to what shoppers can see, as ProductInfo::is_indexable() says: only those are indexed.
	 *
	 * @param array<string, mixed> $args WP_Query arguments.
	 * @return array<string, mixed>
	 */
	private static function for_shoppers( array $args ): array {
		$args['post_status']  = 'publish';
		$args['has_password'] = false;
		$args['tax_query']    = self::not_hidden(); // phpcs:ignore WordPress.DB.SlowDBQuery -- chunked, in id order.
		return $args;
	}

	/**
	 * Products whose catalog visibility is not "hidden". WooCommerce keeps it as terms of
	 * product_visibility: "hidden" has both exclude-from-catalog and exclude-from-search,
	 * "catalog" and "search" one of them each.
	 *
	 * @return array<int|string, mixed> tax_query.
	 */
	private static function not_hidden(): array {
		$without = static fn( string $term ): array => array(
			'taxonomy' => 'product_visibility',
			'field'    => 'name',
			'terms'    => array( $term ),
			'operator' => 'NOT IN',
		);
		return array(
			'relation' => 'OR',
			$without( 'exclude-from-catalog' ),
			$without( 'exclude-from-search' ),
		);
	}

	/**
	 * Runs a query of ids with id > $after_id: a cursor on the primary key, which WP_Query
	 * has no argument for, so it goes through posts_where for this query only.
	 *
	 * @param int                  $after_id Cursor.
	 * @param array<string, mixed> $args     WP_Query arguments (fields => ids, orderby => ID).
	 * @return list<int>
	 */
	private function ids_after( int $after_id, array $args ): array {
		$filter = static function ( string $where ) use ( $after_id ): string {
			global $wpdb;
			return $where . $wpdb->prepare( " AND {$wpdb->posts}.ID > %d", $after_id );
		};
		add_filter( 'posts_where', $filter );
		try {
			$query = new \WP_Query( $args );
			return array_map( 'intval', $query->posts );
		} finally {
			remove_filter( 'posts_where', $filter );
		}
	}

	/**
	 * {@inheritDoc}
	 */
	public function with_status( string $status, int $page, int $per_page ): array {
		$args  = array_replace(
			self::in_queue( $status ),
			array(
				'fields'         => 'ids',
				'posts_per_page' => $per_page,
				'paged'          => max( 1, $page ),
				'orderby'        => 'modified',
				'order'          => 'DESC',
			)
		);
		$query = new \WP_Query( $args );
		$total = (int) $query->found_posts;
		if ( array() === $query->posts && $page > 1 ) {
			// WP_Query does not count when the page is empty; the total must not read 0
			// on a page past the end, so count on the first page.
			$total = (int) ( new \WP_Query( array_replace( $args, array( 'paged' => 1, 'posts_per_page' => 1 ) ) ) )->found_posts;
		}
		return array(
			'ids'   => array_map( 'intval', $query->posts ),
			'total' => $total,
		);
	}

	/**
	 * {@inheritDoc}
	 */
	public function count_with_status( string $status ): int {
		// The same query as the list, asked only for its count: the menu badge then agrees with the
		// queue it links to, other plugins' posts_where filters (a shop language, say) included.
		$query = new \WP_Query(
			array_replace(
				self::in_queue( $status ),
				array(
					'fields'         => 'ids',
					'posts_per_page' => 1,
					'orderby'        => 'none',
					'no_found_rows'  => false,
				)
			)
		);
		return (int) $query->found_posts;
	}

	/**
	 * {@inheritDoc}
	 */
	public function count_by_status(): array {
		global $wpdb;
		// One grouped count, which WP_Query cannot do, over the posts the other queries see:
		// products and variations that are not in the trash. A variation never waits for review
		// (AnnotateProductJob marks it "annotated"), so the review row equals the menu badge.
		$types    = implode( ', ', array_fill( 0, count( self::ANNOTATED_TYPES ), '%s' ) );
		$statuses = implode( ', ', array_fill( 0, count( self::STATUSES ), '%s' ) );
		$rows     = $wpdb->get_results( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- aggregate over the plugin's own meta key.
			$wpdb->prepare(
				"SELECT m.meta_value AS status, COUNT(*) AS n FROM {$wpdb->postmeta} m JOIN {$wpdb->posts} p ON p.ID = m.post_id
				WHERE m.meta_key = %s AND p.post_type IN ($types) AND p.post_status IN ($statuses) GROUP BY m.meta_value", // phpcs:ignore WordPress.DB.PreparedSQLPlaceholders -- one placeholder per type and status.
				array_merge( array( AnnotationMeta::STATUS ), self::ANNOTATED_TYPES, self::STATUSES )
			),
			ARRAY_A
		);
		$counts   = array();
		foreach ( (array) $rows as $row ) {
			$counts[ (string) $row['status'] ] = (int) $row['n'];
		}
		return $counts;
	}

	/**
	 * What "a product waiting with this status" means, for the review queue and its menu badge
	 * alike: products (a variation is reviewed through its parent) that are not in the trash.
	 *
	 * @param string $status Plugin status.
	 * @return array<string, mixed> WP_Query arguments without paging.
	 */
	private static function in_queue( string $status ): array {
		return array(
			'post_type'        => 'product',
			'post_status'      => self::STATUSES,
			'suppress_filters' => false,
			'meta_query'       => array( // phpcs:ignore WordPress.DB.SlowDBQuery -- admin screen, paged.
				array(
					'key'   => AnnotationMeta::STATUS,
					'value' => $status,
				),
			),
		);
	}

	/**
	 * Query of products with images and no annotation (a cursor goes through {@see ids_after}).
	 *
	 * @param int $limit Page size.
	 * @return array<string, mixed>
	 */
	private function unannotated_args( int $limit ): array {
		return self::ids_by_id_args(
			self::ANNOTATED_TYPES,
			$limit,
			array(
				'relation' => 'AND',
				array(
					'key'     => AnnotationMeta::ANNOTATION,
					'compare' => 'NOT EXISTS',
				),
				array(
					'key'     => '_thumbnail_id',
					'compare' => 'EXISTS',
				),
			)
		);
	}

	/**
	 * Arguments of a chunked query of ids in id order, the way backfill and learning page.
	 *
	 * @param string|list<string>  $post_types Post types.
	 * @param int                  $limit      Page size.
	 * @param array<string, mixed> $meta_query Meta conditions.
	 * @return array<string, mixed>
	 */
	private static function ids_by_id_args( $post_types, int $limit, array $meta_query ): array {
		return array(
			'post_type'        => $post_types,
			'post_status'      => self::STATUSES,
			'fields'           => 'ids',
			'posts_per_page'   => $limit,
			'orderby'          => 'ID',
			'order'            => 'ASC',
			'no_found_rows'    => true,
			'suppress_filters' => false,
			'meta_query'       => $meta_query, // phpcs:ignore WordPress.DB.SlowDBQuery -- chunked, in id order.
		);
	}
}
