# Puts WordPress and WooCommerce in place under .stack/. Sourced by up.sh (needs lib.sh).
#   WP_SOURCE / WC_SOURCE: a folder (an unpacked wordpress/ or woocommerce/) or a .zip of one.
#   Unset: the official downloads (needs internet): WP_VERSION (default 6.8.3) and WC_VERSION (default 9.9.5).
# Neither is ever copied into the repository: they live in .stack/, which git ignores.

WP_VERSION=${WP_VERSION:-6.8.3}
WC_VERSION=${WC_VERSION:-9.9.5}

# unpack_zip ZIP NAME: unzip once into .stack/src/NAME and print the folder holding the code.
unpack_zip() {
  local zip=$1 name=$2 dest=$STACK_DIR/src/$name
  if [ ! -f "$dest/.unpacked" ] || [ "$zip" -nt "$dest/.unpacked" ]; then
    rm -rf "$dest" && mkdir -p "$dest"
    unzip -q "$zip" -d "$dest" || die "could not unzip $zip"
    touch "$dest/.unpacked"
  fi
  # Official zips hold one top folder (wordpress/, woocommerce/).
  if [ -d "$dest/$name" ]; then echo "$dest/$name"; else echo "$dest"; fi
}

# download URL FILE: fetch an official zip once.
download() {
  local url=$1 file=$2
  [ -s "$file" ] && return 0
  mkdir -p "$(dirname "$file")"
  log "downloading $url"
  curl -fsSL --retry 2 -o "$file.part" "$url" || {
    rm -f "$file.part"
    die "could not download $url (offline?). Set WP_SOURCE and WC_SOURCE to local folders or zips; see e2e/README.md."
  }
  mv "$file.part" "$file"
}

# resolve_source VAR NAME URL: print a folder with the code, from $VAR or the download.
resolve_source() {
  local value=$1 name=$2 url=$3
  if [ -z "$value" ]; then
    download "$url" "$STACK_DIR/src/$name.zip"
    value=$STACK_DIR/src/$name.zip
  fi
  if [ -d "$value" ]; then
    (cd "$value" && pwd)
  elif [ -f "$value" ] && [[ "$value" == *.zip ]]; then
    unpack_zip "$(cd "$(dirname "$value")" && pwd)/$(basename "$value")" "$name"
  else
    die "$name source '$value' is neither a folder nor a .zip"
  fi
}

install_sources() {
  local wp_src wc_src
  # A later `npm run stack:up` without the variables reuses the sources of the last run.
  if [ -z "${WP_SOURCE:-}${WC_SOURCE:-}" ] && [ -s "$STACK_DIR/sources" ]; then
    source "$STACK_DIR/sources"
  fi
  wp_src=$(resolve_source "${WP_SOURCE:-}" wordpress "https://wordpress.org/wordpress-$WP_VERSION.zip")
  wc_src=$(resolve_source "${WC_SOURCE:-}" woocommerce "https://downloads.wordpress.org/plugin/woocommerce.$WC_VERSION.zip")
  [ -f "$wp_src/wp-includes/version.php" ] || die "$wp_src does not look like WordPress (no wp-includes/version.php)"
  [ -f "$wc_src/woocommerce.php" ] || die "$wc_src does not look like WooCommerce (no woocommerce.php)"
  printf 'WP_SOURCE=%q\nWC_SOURCE=%q\n' "$wp_src" "$wc_src" > "$STACK_DIR/sources"

  # WordPress is copied (it writes wp-config.php, uploads and caches into its tree);
  # re-copied only when the source's version changes.
  local want have=""
  want=$(grep -o "wp_version = '[^']*'" "$wp_src/wp-includes/version.php")
  [ -f "$WP_DIR/wp-includes/version.php" ] && have=$(grep -o "wp_version = '[^']*'" "$WP_DIR/wp-includes/version.php")
  if [ "$want" != "$have" ]; then
    log "copying WordPress ($want) from $wp_src"
    mkdir -p "$WP_DIR"
    cp -a "$wp_src/." "$WP_DIR/"
  fi
  # WooCommerce is linked, not copied: it does not write into its own folder. The Kalas Iris plugin
  # is the working copy, linked, or with KALAS_PLUGIN_ZIP the package a shop installs (unzipped as
  # WordPress's plugin upload does; e2e/run-ci.sh builds it with npm run package:plugin).
  mkdir -p "$WP_DIR/wp-content/plugins" "$WP_DIR/wp-content/mu-plugins" "$WP_DIR/wp-content/uploads"
  ln -sfn "$wc_src" "$WP_DIR/wp-content/plugins/woocommerce"
  rm -rf "$WP_DIR/wp-content/plugins/kalas-iris"
  if [ "${KALAS_SKIP_PLUGIN:-0}" = 1 ]; then
    # For working on the stack alone while the plugin cannot load; WordPress skips a missing plugin.
    :
  elif [ -n "${KALAS_PLUGIN_ZIP:-}" ]; then
    [ -f "$KALAS_PLUGIN_ZIP" ] || die "KALAS_PLUGIN_ZIP=$KALAS_PLUGIN_ZIP is not a file (npm run package:plugin makes one in dist/)"
    unzip -q "$KALAS_PLUGIN_ZIP" -d "$WP_DIR/wp-content/plugins" || die "could not unzip $KALAS_PLUGIN_ZIP"
    [ -f "$WP_DIR/wp-content/plugins/kalas-iris/kalas-iris.php" ] || die "$KALAS_PLUGIN_ZIP has no kalas-iris/kalas-iris.php"
    log "Kalas Iris installed from $(basename "$KALAS_PLUGIN_ZIP")"
  else
    ln -sfn "$ROOT/plugin" "$WP_DIR/wp-content/plugins/kalas-iris"
  fi
  for f in "$STACK_SCRIPTS"/mu-plugins/*.php; do ln -sfn "$f" "$WP_DIR/wp-content/mu-plugins/$(basename "$f")"; done
  log "WordPress $(echo "$want" | cut -d"'" -f2), WooCommerce $(grep -m1 -o 'Version: .*' "$wc_src/woocommerce.php" | cut -d' ' -f2)"
}
