<?php
/**
 * Registers the blocks from their block.json.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Blocks;

/**
 * block.json in plugin/blocks/<name>/ is the single source of truth; editor and view
 * scripts are referenced from there into plugin/build.
 */
final class BlockRegistry {

	public const BLOCKS = array( 'similar-products', 'shop-by-photo' );

	/**
	 * @param string $dir Plugin directory.
	 */
	public function __construct( private string $dir ) {
	}

	/**
	 * Registers every block.
	 */
	public function register(): void {
		foreach ( self::BLOCKS as $name ) {
			register_block_type( $this->dir . '/blocks/' . $name );
		}
	}
}
