<?php
/**
 * The shop's global attributes (pa_* taxonomies), as the database has them now.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Products;

/**
 * WooCommerce registers the pa_* taxonomies once, when a request starts, from a cached
 * list. A request that started before another one created an attribute does not know it:
 * WooCommerce then reads products as if they had no such attribute (saving one drops it),
 * reports no term for it, and its duplicate check lets a second "Color" attribute in.
 * Job runners annotating a new shop's first products meet exactly that, so the plugin asks
 * the attributes table itself and registers what is missing before touching a product.
 */
final class AttributeTaxonomies {

	/** Seconds to wait for another request that is creating the same attribute. */
	private const LOCK_WAIT = 10;

	/**
	 * Registers, for this request, the pa_* taxonomies among these that exist in the
	 * database but were created after the request started.
	 *
	 * @param list<string> $taxonomies Taxonomies (others than pa_* are ignored).
	 */
	public static function register_existing( array $taxonomies ): void {
		foreach ( $taxonomies as $taxonomy ) {
			if ( str_starts_with( $taxonomy, 'pa_' ) && ! taxonomy_exists( $taxonomy ) && self::stored_id( $taxonomy ) > 0 ) {
				self::adopt( $taxonomy );
			}
		}
	}

	/**
	 * The id of the global attribute behind a pa_* taxonomy, created when the shop has
	 * none yet, and registered for this request so terms can be inserted at once.
	 *
	 * @param string $taxonomy pa_* taxonomy.
	 * @return int Attribute id.
	 * @throws \RuntimeException When WooCommerce refuses to create it.
	 */
	public static function ensure( string $taxonomy ): int {
		global $wpdb;
		// Registered in this request: WooCommerce's list knows it (at the start, or since adopt()).
		$known = taxonomy_exists( $taxonomy ) ? (int) wc_attribute_taxonomy_id_by_name( $taxonomy ) : 0;
		if ( $known > 0 ) {
			return $known;
		}
		$id = self::stored_id( $taxonomy );
		if ( 0 === $id ) {
			// Two requests creating the same attribute: the second waits, then finds the first's.
			// GET_LOCK answers 1 (held), 0 (another request held it for LOCK_WAIT seconds: the job
			// fails and is retried later) or NULL (a database without named locks: go on unlocked).
			$lock = 'kalas_iris_' . $taxonomy;
			$held = $wpdb->get_var( $wpdb->prepare( 'SELECT GET_LOCK(%s, %d)', $lock, self::LOCK_WAIT ) );
			if ( null !== $held && '1' !== (string) $held ) {
				throw new \RuntimeException( sprintf( 'Another request is creating the attribute %s; trying again later.', $taxonomy ) );
			}
			try {
				$id = self::stored_id( $taxonomy );
				if ( 0 === $id ) {
					$id = self::create( $taxonomy );
				}
			} finally {
				if ( null !== $held ) {
					$wpdb->get_var( $wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', $lock ) );
				}
			}
		}
		if ( ! taxonomy_exists( $taxonomy ) ) {
			self::adopt( $taxonomy );
		}
		return $id;
	}

	/**
	 * @param string $taxonomy pa_* taxonomy.
	 * @return int Attribute id.
	 * @throws \RuntimeException When WooCommerce refuses.
	 */
	private static function create( string $taxonomy ): int {
		$slug    = substr( $taxonomy, 3 );
		$created = wc_create_attribute(
			array(
				'name'         => ucwords( str_replace( '_', ' ', $slug ) ),
				'slug'         => $slug,
				'has_archives' => false,
			)
		);
		if ( is_wp_error( $created ) ) {
			throw new \RuntimeException( $created->get_error_message() );
		}
		return (int) $created;
	}

	/**
	 * The attribute's id in the attributes table (0 when there is none), read from the table
	 * because wc_attribute_taxonomy_id_by_name() answers from the request's cached list.
	 *
	 * @param string $taxonomy pa_* taxonomy.
	 */
	private static function stored_id( string $taxonomy ): int {
		global $wpdb;
		return (int) $wpdb->get_var(
			$wpdb->prepare(
				"SELECT attribute_id FROM {$wpdb->prefix}woocommerce_attribute_taxonomies WHERE attribute_name = %s ORDER BY attribute_id LIMIT 1",
				substr( $taxonomy, 3 )
			)
		);
	}

	/**
	 * Makes this request know an attribute created since it started: WooCommerce's cached list
	 * (which gives a product's attributes their ids when it is read; with an id of 0 a save
	 * turns the attribute into a custom one listing term ids), then the taxonomy.
	 *
	 * @param string $taxonomy pa_* taxonomy.
	 */
	private static function adopt( string $taxonomy ): void {
		delete_transient( 'wc_attribute_taxonomies' );
		// When the other request has deleted that transient already, delete_transient() finds no
		// row and leaves this request's copy of the autoloaded options as it was: drop it too.
		wp_cache_delete( 'alloptions', 'options' );
		\WC_Cache_Helper::invalidate_cache_group( 'woocommerce-attributes' );
		register_taxonomy(
			$taxonomy,
			array( 'product' ),
			array(
				'hierarchical' => false,
				'show_ui'      => false,
				'query_var'    => true,
				'rewrite'      => false,
			)
		);
	}
}
