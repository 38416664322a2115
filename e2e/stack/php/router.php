<?php
/**
 * Router for PHP's built-in server: real files are served as they are, everything else goes to
 * WordPress (pretty permalinks, /wp-json/), as Apache's .htaccess rules would do.
 */
$root = $_SERVER['DOCUMENT_ROOT'];
$path = urldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );

if ( '/' !== $path && file_exists( $root . $path ) ) {
	if ( is_dir( $root . $path ) ) {
		$index = rtrim( $root . $path, '/' ) . '/index.php';
		if ( is_file( $index ) ) {
			$_SERVER['SCRIPT_NAME']     = rtrim( $path, '/' ) . '/index.php';
			$_SERVER['SCRIPT_FILENAME'] = $index;
			chdir( dirname( $index ) );
			require $index;
			return true;
		}
	}
	return false;
}

$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
require $root . '/index.php';
