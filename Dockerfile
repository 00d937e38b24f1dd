# The playbook served by nginx with the headers and caching the build generates (dist/nginx.conf).
#   docker build -t playbook --build-arg PLAYBOOK_SITE=https://playbook.example.org .
#   docker run --rm -p 8080:8080 playbook
# docs/deploying.md explains the settings.

FROM node:24-bookworm-slim AS build
WORKDIR /site
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
ARG PLAYBOOK_SITE=
ARG PLAYBOOK_BASE=/
ARG PLAYBOOK_REPOSITORY=
RUN PLAYBOOK_SITE="$PLAYBOOK_SITE" PLAYBOOK_BASE="$PLAYBOOK_BASE" PLAYBOOK_REPOSITORY="$PLAYBOOK_REPOSITORY" npm run build

FROM nginx:stable-bookworm
ARG PLAYBOOK_BASE=/
# The site at its base path under /srv/playbook/www; the generated server block, pointed at it,
# replaces nginx's default site (conf.d/*.conf is included in the http block).
COPY --from=build /site/dist /srv/playbook/www${PLAYBOOK_BASE}
RUN rm /etc/nginx/conf.d/default.conf \
 && sed -e 's|^    root .*;|    root /srv/playbook/www;|' "/srv/playbook/www${PLAYBOOK_BASE}nginx.conf" > /etc/nginx/conf.d/playbook.conf \
 && nginx -t
EXPOSE 8080
