import { createContext, useContext } from 'react';
import { createApiClient, type ApiClient } from './api-client';
import { createBrowserPlatform, type Platform } from './platform';
import { ResourceCache } from './resource-cache';

// Injected at the root (app/main.tsx); the defaults make a component renderable on its own.
export const PlatformContext = createContext<Platform>(createBrowserPlatform());
export const ApiContext = createContext<ApiClient>(createApiClient({ fetch: (...args) => globalThis.fetch(...args), initDataRaw: '' }));
export const ResourceCacheContext = createContext<ResourceCache>(new ResourceCache());

export const usePlatform = (): Platform => useContext(PlatformContext);
export const useApi = (): ApiClient => useContext(ApiContext);
export const useResourceCache = (): ResourceCache => useContext(ResourceCacheContext);
