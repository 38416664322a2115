<?php
/**
 * Merges suggested terms into a product without overruling a person.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Products;

/**
 * Pure merge rules. The plugin remembers, per taxonomy, which term names it added
 * ("applied") and which of those a person later removed ("declined"):
 *
 * - a term on the product that the plugin did not add is a person's: with
 *   protection on it is never removed;
 * - in attributes and categories (one answer per question) a person's term also
 *   means the plugin adds nothing there;
 * - tags are a bag: the plugin adds its own next to a person's;
 * - a term a person removed after the plugin added it is never added again;
 * - the plugin only ever removes terms it added.
 *
 * With protection off, a confident suggestion replaces a person's attribute or
 * category; a person's tags still stay, since extra tags do not contradict them.
 *
 * Labels a person accepted in the review queue are that person's: they are added even
 * next to other person-set values, are not recorded as the plugin's (so the plugin never
 * removes them later), and the plugin's own earlier terms that were not accepted go.
 */
final class LabelMerger {

	/**
	 * @param array<string, list<string>>                                         $current   Taxonomy => names on the product now.
	 * @param array<string, array{applied?: list<string>, declined?: list<string>}> $record    What the plugin added before.
	 * @param array<string, list<string>>                                         $wanted    Taxonomy => names suggested now.
	 * @param bool                                                                $protect   Never overrule a person.
	 * @param list<string>                                                        $untouchable Taxonomies the plugin must not change.
	 * @param bool                                                                $by_person   The wanted labels are a person's accepted labels.
	 * @return array{add: array<string, list<string>>, remove: array<string, list<string>>, record: array<string, array{applied: list<string>, declined: list<string>}>}
	 */
	public static function merge( array $current, array $record, array $wanted, bool $protect, array $untouchable = array(), bool $by_person = false ): array {
		$add        = array();
		$remove     = array();
		$new_record = array();
		$taxonomies = array_unique( array_merge( array_keys( $wanted ), array_keys( $record ) ) );

		foreach ( $taxonomies as $taxonomy ) {
			$on_product = self::index( $current[ $taxonomy ] ?? array() );
			$applied    = self::index( $record[ $taxonomy ]['applied'] ?? array() );
			$declined   = self::index( $record[ $taxonomy ]['declined'] ?? array() );

			// Applied earlier but gone now: a person removed it, which is an answer too.
			foreach ( array_diff_key( $applied, $on_product ) as $key => $name ) {
				$declined[ $key ] = $name;
				unset( $applied[ $key ] );
			}

			$person = array_diff_key( $on_product, $applied );
			$want   = self::index( $wanted[ $taxonomy ] ?? array() );
			if ( $by_person ) {
				// An explicit yes from a person outweighs an earlier removal.
				$declined = array_diff_key( $declined, $want );
			} else {
				$want = array_diff_key( $want, $declined );
			}
			if ( in_array( $taxonomy, $untouchable, true ) ) {
				$want = array();
			} elseif ( ! $by_person && 'product_tag' !== $taxonomy && $protect && array() !== $person ) {
				$want = array();
			}

			$to_add    = array_diff_key( $want, $on_product );
			$to_remove = array_diff_key( $applied, $want );
			if ( ! $protect && 'product_tag' !== $taxonomy && array() !== $want ) {
				$to_remove += array_diff_key( $person, $want );
			}
			if ( in_array( $taxonomy, $untouchable, true ) ) {
				$to_remove = array();
			}

			// What a person accepted is theirs, not the plugin's to take back later.
			$now_applied = array_diff_key( $applied, $to_remove ) + ( $by_person ? array() : $to_add );
			if ( $by_person ) {
				$now_applied = array_diff_key( $now_applied, $want );
			}
			if ( array() !== $to_add ) {
				$add[ $taxonomy ] = array_values( $to_add );
			}
			if ( array() !== $to_remove ) {
				$remove[ $taxonomy ] = array_values( $to_remove );
			}
			if ( array() !== $now_applied || array() !== $declined ) {
				$new_record[ $taxonomy ] = array(
					'applied'  => array_values( $now_applied ),
					'declined' => array_values( $declined ),
				);
			}
		}

		return array(
			'add'    => $add,
			'remove' => $remove,
			'record' => $new_record,
		);
	}

	/**
	 * Names keyed case-insensitively, so "Red" on the product matches "red" from the model.
	 *
	 * @param array<mixed> $names Names.
	 * @return array<string, string>
	 */
	private static function index( array $names ): array {
		$out = array();
		foreach ( $names as $name ) {
			$name = trim( (string) $name );
			if ( '' !== $name ) {
				$out[ mb_strtolower( $name ) ] ??= $name;
			}
		}
		return $out;
	}
}
