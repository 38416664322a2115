<?php
/**
 * Image reader that needs no files.
 *
 * @package KalasIris
 */

declare(strict_types=1);

namespace KalasIris\Tests;

use KalasIris\Products\ImageReader;
use KalasIris\Service\Image;

/**
 * Returns a few fixed bytes for any attachment.
 */
final class FakeImages extends ImageReader {

	public function read( int $attachment_id ): Image {
		return new Image( "\xFF\xD8\xFF" . $attachment_id, 'image/jpeg', $attachment_id . '.jpg' );
	}
}
