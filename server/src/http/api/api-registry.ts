import type { ApiRoute } from './api-route.ts';
import { createOpenApiDocument } from './openapi-document.ts';

/** The routes mounted under /v1, in mounting order: the OpenAPI document is generated from them. */
export class ApiRegistry {
  readonly routes: ApiRoute[] = [];
  #document: ReturnType<typeof createOpenApiDocument> | undefined;

  constructor(private readonly version: string) {}

  add(route: ApiRoute): void {
    this.routes.push(route);
    this.#document = undefined;
  }

  document(): ReturnType<typeof createOpenApiDocument> {
    this.#document ??= createOpenApiDocument(this.routes, this.version);
    return this.#document;
  }
}
