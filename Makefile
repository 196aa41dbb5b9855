# Build, export and test the 「Python 進階指南」 books.
#   make deps    install every Debian package the build and the tests need (once)
#   make         build the exporter and export every learning path to dist/
#   make test    run every test (unit, golden, end-to-end, content examples)
#   make bench   print performance figures (not part of the tests)

BUILD   ?= build
DIST    ?= dist
FORMATS ?= epub,pdf
JOBS    ?= $(shell nproc 2>/dev/null || echo 2)
EXPORTER = $(BUILD)/exporter

# Dates inside the books come from the last commit, so that two builds of one
# commit are byte-identical (https://reproducible-builds.org/specs/source-date-epoch/).
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1768867200)
export SOURCE_DATE_EPOCH

# Debian 12 packages: build tools, libraries, fonts, and the tools tests call.
DEPS = build-essential cmake pkg-config git python3 ca-certificates \
       libcmark-gfm-dev libcmark-gfm-extensions-dev libpugixml-dev libzip-dev \
       libcairo2-dev libpng-dev libpango1.0-dev librsvg2-dev libxml2-dev libyaml-cpp-dev \
       libtomlplusplus-dev libcli11-dev nlohmann-json3-dev libkf5syntaxhighlighting-dev libqpdf-dev \
       catch2 fonts-noto-cjk fonts-noto-mono fonts-noto-core \
       epubcheck default-jre-headless qpdf poppler-utils pandoc zip unzip \
       gcc g++ python3-dev cython3 pybind11-dev time

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Release: VERSION defaults to the current tag, then to the index page's 文件版本.
VERSION ?= $(shell git describe --tags --exact-match 2>/dev/null || sed -n 's/.*文件版本：\(v[0-9][0-9A-Za-z.+-]*\).*/\1/p' content/_index.md | head -1)
RELEASE_NAME = python-advanced-guide-$(VERSION)

.PHONY: all deps configure build books test bench clean release release-books

all: books

deps:
	@missing=$$(for p in $(DEPS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  $(SUDO) apt-get update && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	else echo "all build and test dependencies are installed"; fi
	@command -v npm >/dev/null || { $(SUDO) apt-get update && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends nodejs npm; }
	@[ -x tests/tools/node/node_modules/.bin/action-validator ] || npm ci --prefix tests/tools/node --no-audit --no-fund

$(BUILD)/Makefile: CMakeLists.txt tests/CMakeLists.txt
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

configure: $(BUILD)/Makefile

build: configure
	cmake --build $(BUILD) -j $(JOBS)

books: build
	$(EXPORTER) build --path all --format $(FORMATS) --out $(DIST)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	cmake --build $(BUILD) --target bench_floor -j $(JOBS)
	BUILD=$(BUILD) bench/run.sh

release: build release-books

# The books, SHA256SUMS and the manifest of $(VERSION), with an exporter that
# is already built (the reproducibility test points EXPORTER at its own).
release-books:
	@[ -n "$(VERSION)" ] || { echo "no VERSION: tag the commit or pass VERSION=vX.Y.Z"; exit 2; }
	mkdir -p $(DIST)
	rm -f $(DIST)/$(RELEASE_NAME)-* $(DIST)/SHA256SUMS
	$(EXPORTER) build --path all --format epub,pdf --out $(DIST) --name $(RELEASE_NAME) --book-version $(VERSION) --quiet
	$(EXPORTER) paths --json > $(DIST)/.paths.json
	python3 tools/release_manifest.py --dist $(DIST) --name $(RELEASE_NAME) --version $(VERSION) \
	  --commit "$$(git rev-parse HEAD 2>/dev/null || echo unknown)" --paths-json $(DIST)/.paths.json
	rm -f $(DIST)/.paths.json
	cd $(DIST) && sha256sum -c --quiet SHA256SUMS && ls -l $(RELEASE_NAME)-* SHA256SUMS

clean:
	rm -rf $(BUILD) $(DIST)
