# 幸福里 in a container: the release build (server and browser bundle, split and compressed)
# made by the project's own scripts, then a small runtime image with the database on /data.
#   docker build -t xingfu .
#   docker run -p 3000:3000 -v xingfu-data:/data xingfu
# Set XINGFU_SECURE_COOKIES=1 when a proxy serves it over HTTPS (docs/deploy.md).

FROM debian:bookworm AS build
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends \
      ca-certificates curl git build-essential pkg-config nodejs npm brotli \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN bash -c 'source scripts/setup.sh && ensure_build_tools && build_release'

FROM debian:bookworm-slim
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home /data --shell /usr/sbin/nologin xingfu \
    && install -d -o xingfu -g xingfu /data
COPY --from=build /src/target/release/server /src/target/release/hash.txt /app/
COPY --from=build /src/target/site /app/site
WORKDIR /app
USER xingfu
ENV LEPTOS_SITE_ADDR=0.0.0.0:3000 \
    LEPTOS_SITE_ROOT=/app/site \
    LEPTOS_SITE_PKG_DIR=pkg \
    LEPTOS_OUTPUT_NAME=xingfu \
    LEPTOS_HASH_FILES=true \
    LEPTOS_ENV=PROD \
    DATABASE_URL=sqlite:/data/xingfu.db \
    XINGFU_BACKUP_DIR=/data/backups \
    RUST_LOG=info,sqlx=warn
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD ["/app/server", "healthcheck"]
CMD ["/app/server"]
