/** What every portal page shows around its content: the agency's brand and who is signed in (the `portal` shared prop). */
export interface PortalShared {
  agency: { id: string; name: string; logoUrl: string | null; brandColor: string }
  contact: { id: string; name: string; companyName: string }
}
