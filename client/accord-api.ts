/**
 * Accord's API as TypeScript types, generated from its OpenAPI document by openapi-typescript.
 * Do not edit: run `npm run generate:client` (a test fails when this file is out of date).
 */

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List agencies
         * @description Needs the viewer role.
         */
        get: operations["listAgencies"];
        put?: never;
        /**
         * Create an agency
         * @description Needs the admin role.
         */
        post: operations["createAgency"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agencies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One agency, with who may sign for it and who is told when it is named as a party
         * @description Needs the viewer role.
         */
        get: operations["getAgency"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agencies/{id}/signatories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The agency's authorised signatories: only they may be named to sign for it
         * @description Needs the viewer role.
         */
        get: operations["getAuthorisedSignatories"];
        /**
         * Replace the agency's authorised signatories (its own editors, or an admin); the change is in its audit trail
         * @description Needs the editor role.
         */
        put: operations["setAuthorisedSignatories"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agencies/{id}/legal-contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace who is told when the agency is named as a party (its own editors, or an admin)
         * @description Needs the editor role.
         */
        put: operations["setLegalContacts"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agencies/{id}/proposal-contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace who records the agency's view of collaboration proposals, and whether its declines are published (its own editors, or an admin)
         * @description Needs the editor role.
         */
        put: operations["setProposalContacts"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agencies/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The agency's audit trail: every change to who signs for it and who is told, oldest first
         * @description Needs the viewer role.
         */
        get: operations["listAgencyEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the agreements the caller may see
         * @description Needs the viewer role.
         */
        get: operations["listAgreements"];
        put?: never;
        /**
         * Create a draft agreement (send Idempotency-Key to make retries safe)
         * @description Needs the editor role.
         */
        post: operations["createAgreement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read one agreement version with its parties and signatory statuses
         * @description Needs the viewer role.
         */
        get: operations["getAgreement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit a draft
         * @description Needs the editor role.
         */
        patch: operations["editAgreement"];
        trace?: never;
    };
    "/agreements/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The hash-chained audit trail, oldest first
         * @description Needs the viewer role.
         */
        get: operations["listAgreementEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import an agreement signed outside Accord: it enters in force, each signature attested by the importing admin
         * @description Needs the admin role.
         */
        post: operations["importAgreement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/imports/csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a register’s backlog from CSV: a dry run (the default) lists every problem by line and field; a run imports each agreement once
         * @description Needs the admin role.
         */
        post: operations["importAgreementsCsv"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check the agreement against the contract (Lifecycle) and the statute, fix its document hash, and start sign-off
         * @description Needs the editor role.
         */
        post: operations["submitAgreement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw an agreement from sign-off
         * @description Needs the editor role.
         */
        post: operations["withdrawAgreement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/{id}/revise": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a new draft version from a declined or withdrawn agreement
         * @description Needs the editor role.
         */
        post: operations["reviseAgreement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/{id}/variations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a variation: a new draft version of an agreement in force
         * @description Needs the editor role.
         */
        post: operations["startVariation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/{id}/signatories/{signatoryId}/replace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put someone on the agency’s list in the place of a signatory who has not decided (replacement or delegation)
         * @description Needs the editor role.
         */
        post: operations["replaceSignatory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/{id}/signatories/{signatoryId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a signatory a new link; the previous one stops working
         * @description Needs the editor role.
         */
        post: operations["resendSigningLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/{id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a review of an agreement in force: continue, vary (opens a variation draft) or terminate
         * @description Needs the editor role.
         */
        post: operations["recordReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/{id}/termination": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask every party to agree to end the agreement: each party's signatories decide from a link, as in sign-off
         * @description Needs the editor role.
         */
        post: operations["requestTermination"];
        /**
         * Withdraw an open termination round: its links close, everyone is told, the agreement stays in force
         * @description Needs the editor role.
         */
        delete: operations["withdrawTermination"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/{id}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a termination every party agreed outside Accord, with its evidence (admin); every party is told
         * @description Needs the admin role.
         */
        post: operations["recordTermination"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/{id}/certificate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Completion certificate: who signed which document hash, when, from where (JSON, or HTML with Accept: text/html)
         * @description Needs the viewer role.
         */
        get: operations["getCertificate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/verify/{sha256}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public: does this document hash belong to an agreement, and which */
        get: operations["verifyDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/{id}/parties/{agencyId}/publication": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Record how a party publishes the agreement in force (PA 1996 s.23E): in full, a summary, or withheld, with where and why; the register shows it
         * @description Needs the editor role.
         */
        put: operations["recordPublication"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/{id}/withdrawals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A party's notice that it leaves under the withdrawal terms (PCA 2017 s.4(7)); on the day the rest carry on as a new version, or the agreement ends
         * @description Needs the editor role.
         */
        post: operations["giveWithdrawalNotice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Declare a file for a draft (the agreement as PDF or Word, a schedule): PUT its bytes to the upload URL; it shows once they arrive and match
         * @description Needs the editor role.
         */
        post: operations["addAttachment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/{id}/attachments/{attachmentId}/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new upload URL for a file not stored yet: its URL expired unused, or the bytes sent were refused
         * @description Needs the editor role.
         */
        post: operations["reopenAttachmentUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a stored file: a link that works for five minutes (a browser is redirected to it)
         * @description Needs the viewer role.
         */
        get: operations["openAttachment"];
        put?: never;
        post?: never;
        /**
         * Take a file off a draft
         * @description Needs the editor role.
         */
        delete: operations["removeAttachment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/{id}/text.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The agreement text rendered from its Markdown as safe HTML (no raw HTML, no scripts, links without referrer), for the workspace to show
         * @description Needs the viewer role.
         */
        get: operations["getAgreementText"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agreements/{id}/executed.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The executed copy: the text, its files’ hashes, the certificate and the audit trail in one PDF, sealed (PAdES)
         * @description Needs the viewer role.
         */
        get: operations["getExecutedCopy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Public: a page to check a file against Accord */
        get: operations["getVerifyPage"];
        put?: never;
        /** Public: is this file the executed copy, the signed document or an attachment of an agreement in Accord, and which */
        post: operations["verifyFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public register of published agreements in force (HTML) */
        get: operations["getRegisterPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public register as JSON, paged */
        get: operations["getRegister"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The whole public register as CSV */
        get: operations["getRegisterCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register/agreements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The text of a published agreement in force (HTML) */
        get: operations["getPublishedAgreementPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Proposals the caller’s agencies are party to (every one, for an admin), newest first
         * @description Needs the viewer role.
         */
        get: operations["listProposals"];
        put?: never;
        /**
         * Record a collaboration proposal; each proposed party's contacts are emailed a link to record its view
         * @description Needs the editor role.
         */
        post: operations["createProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/proposals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One proposal with each party's view and whether they must proceed
         * @description Needs the viewer role.
         */
        get: operations["getProposal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/proposals/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The proposal's hash-chained trail, oldest first
         * @description Needs the viewer role.
         */
        get: operations["listProposalEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/proposals/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a proposed agency that has not answered fresh links (an editor of the proposing agency, or an admin)
         * @description Needs the editor role.
         */
        post: operations["resendProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register/declines.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Declined collaboration proposals, with the ground and reasons, of agencies that publish their declines */
        get: operations["getPublishedDeclines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/proposals/{id}/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open the draft agreement among the parties that see a benefit, linked to the proposal
         * @description Needs the editor role.
         */
        post: operations["draftFromProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The endpoints the caller manages
         * @description Needs the editor role.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Register an endpoint for events; the signing secret is in the answer and nowhere else
         * @description Needs the editor role.
         */
        post: operations["registerWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One endpoint: its events, and whether it is failing or disabled
         * @description Needs the editor role.
         */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /**
         * Remove an endpoint: nothing more is delivered to it
         * @description Needs the editor role.
         */
        delete: operations["removeWebhook"];
        options?: never;
        head?: never;
        /**
         * Change the URL or events, or enable a disabled endpoint again
         * @description Needs the editor role.
         */
        patch: operations["changeWebhook"];
        trace?: never;
    };
    "/webhooks/{id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret: deliveries carry signatures with both secrets for 24 hours
         * @description Needs the editor role.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The endpoint's delivery log, newest first: each attempt, its status and error (kept 30 days)
         * @description Needs the editor role.
         */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/deliveries/{attemptId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the event of a logged attempt to this endpoint again, with the same webhook-id
         * @description Needs the editor role.
         */
        post: operations["replayWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "agreement.submitted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A draft was submitted: every party is asked to sign
         * @description Sent with `type: "agreement.submitted"` to endpoints subscribed to it (POST /webhooks). Verify the signature with the endpoint's secret (the `standardwebhooks` library does), then answer 2xx within 10 seconds; anything else is retried for 24 hours.
         */
        post: operations["onAgreementSubmitted"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "signatory.decided": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A signatory approved or declined (`data.signatory`)
         * @description Sent with `type: "signatory.decided"` to endpoints subscribed to it (POST /webhooks). Verify the signature with the endpoint's secret (the `standardwebhooks` library does), then answer 2xx within 10 seconds; anything else is retried for 24 hours.
         */
        post: operations["onSignatoryDecided"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreement.in_force": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Every party has signed: the agreement is in force
         * @description Sent with `type: "agreement.in_force"` to endpoints subscribed to it (POST /webhooks). Verify the signature with the endpoint's secret (the `standardwebhooks` library does), then answer 2xx within 10 seconds; anything else is retried for 24 hours.
         */
        post: operations["onAgreementInForce"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreement.declined": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A signatory declined, so sign-off ended
         * @description Sent with `type: "agreement.declined"` to endpoints subscribed to it (POST /webhooks). Verify the signature with the endpoint's secret (the `standardwebhooks` library does), then answer 2xx within 10 seconds; anything else is retried for 24 hours.
         */
        post: operations["onAgreementDeclined"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreement.withdrawn": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The drafter withdrew the agreement from sign-off
         * @description Sent with `type: "agreement.withdrawn"` to endpoints subscribed to it (POST /webhooks). Verify the signature with the endpoint's secret (the `standardwebhooks` library does), then answer 2xx within 10 seconds; anything else is retried for 24 hours.
         */
        post: operations["onAgreementWithdrawn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreement.superseded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new version came into force in place of this one
         * @description Sent with `type: "agreement.superseded"` to endpoints subscribed to it (POST /webhooks). Verify the signature with the endpoint's secret (the `standardwebhooks` library does), then answer 2xx within 10 seconds; anything else is retried for 24 hours.
         */
        post: operations["onAgreementSuperseded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "review.due": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The review date is near (`data.date`); the owner and legal contacts were reminded
         * @description Sent with `type: "review.due"` to endpoints subscribed to it (POST /webhooks). Verify the signature with the endpoint's secret (the `standardwebhooks` library does), then answer 2xx within 10 seconds; anything else is retried for 24 hours.
         */
        post: operations["onReviewDue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "review.overdue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The review date has passed without a review (`data.date`)
         * @description Sent with `type: "review.overdue"` to endpoints subscribed to it (POST /webhooks). Verify the signature with the endpoint's secret (the `standardwebhooks` library does), then answer 2xx within 10 seconds; anything else is retried for 24 hours.
         */
        post: operations["onReviewOverdue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "termination.requested": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Every party is asked to agree to end the agreement (`data.date`: when it would end)
         * @description Sent with `type: "termination.requested"` to endpoints subscribed to it (POST /webhooks). Verify the signature with the endpoint's secret (the `standardwebhooks` library does), then answer 2xx within 10 seconds; anything else is retried for 24 hours.
         */
        post: operations["onTerminationRequested"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "party.withdrawal_notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A party gave notice that it leaves (`data.party`; `data.date`: the day it leaves)
         * @description Sent with `type: "party.withdrawal_notice"` to endpoints subscribed to it (POST /webhooks). Verify the signature with the endpoint's secret (the `standardwebhooks` library does), then answer 2xx within 10 seconds; anything else is retried for 24 hours.
         */
        post: operations["onPartyWithdrawalNotice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "party.withdrawn": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A party left: the rest carry on as a new version (`agreement.superseded` follows) or the agreement ends
         * @description Sent with `type: "party.withdrawn"` to endpoints subscribed to it (POST /webhooks). Verify the signature with the endpoint's secret (the `standardwebhooks` library does), then answer 2xx within 10 seconds; anything else is retried for 24 hours.
         */
        post: operations["onPartyWithdrawn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "proposal.view_recorded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A proposed party recorded its view of a collaboration proposal (`data.proposal`; `data.party`)
         * @description Sent with `type: "proposal.view_recorded"` to endpoints subscribed to it (POST /webhooks). Verify the signature with the endpoint's secret (the `standardwebhooks` library does), then answer 2xx within 10 seconds; anything else is retried for 24 hours.
         */
        post: operations["onProposalViewRecorded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreement.terminated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The agreement has ended by agreement of every party or by an admin
         * @description Sent with `type: "agreement.terminated"` to endpoints subscribed to it (POST /webhooks). Verify the signature with the endpoint's secret (the `standardwebhooks` library does), then answer 2xx within 10 seconds; anything else is retried for 24 hours.
         */
        post: operations["onAgreementTerminated"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "agreement.expired": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The agreement reached its expiry date
         * @description Sent with `type: "agreement.expired"` to endpoints subscribed to it (POST /webhooks). Verify the signature with the endpoint's secret (the `standardwebhooks` library does), then answer 2xx within 10 seconds; anything else is retried for 24 hours.
         */
        post: operations["onAgreementExpired"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        CreateAgencyRequest: {
            /** @description Made from the name when not given */
            id?: string;
            name: string;
            /** @enum {string} */
            type: "police_force" | "policing_body" | "fire_and_rescue_authority" | "ambulance_trust" | "local_authority" | "other";
            policingBodyId?: string;
            /** @description Told when the agency is named as a party */
            legalContacts?: string[];
        };
        AuthorisedSignatoriesRequest: {
            signatories: components["schemas"]["AuthorisedSignatory"][];
            /** @description Kept as they are when not given */
            emailDomains?: string[];
        };
        AuthorisedSignatory: {
            name: string;
            role: string;
            /** Format: email */
            email: string;
        };
        LegalContactsRequest: {
            legalContacts: string[];
        };
        ProposalContactsRequest: {
            /** @description Sent collaboration proposals to record the agency’s view; when empty, its legal contacts are */
            proposalContacts: string[];
            /** @description Whether the agency’s declines of proposals, with its reasons, are published (default false) */
            publishDeclines?: boolean;
        };
        CreateAgreementRequest: {
            title: string;
            summary?: string;
            /**
             * @description Default PCA2017_S2
             * @enum {string}
             */
            legalBasis?: "PCA2017_S2" | "PA1996_S22A" | "OTHER";
            functions?: string[];
            /** @description The agreement text, Markdown, at most 200 KB */
            body?: string;
            withdrawalTerms?: string;
            parties?: {
                agencyId: string;
                assessment?: {
                    /** @description The party's assessment of the effect on its efficiency or effectiveness */
                    efficiencyEffectiveness?: string;
                    /** @description The party's assessment of the effect on public safety */
                    publicSafety?: string;
                };
                /** @description A policing body without its police force as a party: its consultation of the chief officer */
                consultation?: components["schemas"]["Consultation"];
                /** @description Approvals the party needs (default: all its signatories) */
                requiredApprovals?: number;
                signatories?: {
                    name: string;
                    role: string;
                    /** Format: email */
                    email: string;
                    /** @description Routing group: lowest first, equal in parallel (default 1) */
                    order?: number;
                }[];
                /** @description In a variation: this party of the agreement in force leaves it, and consents to that by signing the variation */
                leaving?: boolean;
            }[];
            legalContacts?: string[];
            /** @description Default 12 */
            reviewIntervalMonths?: number;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD (Europe/London)
             */
            effectiveDate?: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD (Europe/London)
             */
            nextReviewDate?: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD (Europe/London)
             */
            expiryDate?: string;
            /** @description Default true */
            publish?: boolean;
            publishExemptionReason?: string;
            /** @description The drafting agency; defaults to the drafter's agency when they have exactly one */
            ownerAgencyId?: string;
        };
        Consultation: {
            /**
             * Format: date
             * @description When the chief officer was consulted; not after today
             */
            consultedOn: string;
            /** @description Who was consulted, e.g. the Chief Constable of Warwickshire Police */
            chiefOfficer: string;
            outcome: string;
        };
        /** @description Merge patch of a draft; `null` clears an optional field */
        PatchAgreementRequest: {
            title?: string;
            summary?: string;
            /**
             * @description PCA2017_S2: Policing and Crime Act 2017 s.2; PA1996_S22A: Police Act 1996 s.22A; OTHER
             * @enum {string}
             */
            legalBasis?: "PCA2017_S2" | "PA1996_S22A" | "OTHER";
            functions?: string[];
            /** @description The agreement text, Markdown, at most 200 KB */
            body?: string;
            /** @description Replaces the whole list */
            parties?: {
                agencyId: string;
                assessment?: {
                    /** @description The party's assessment of the effect on its efficiency or effectiveness */
                    efficiencyEffectiveness?: string;
                    /** @description The party's assessment of the effect on public safety */
                    publicSafety?: string;
                };
                /** @description A policing body without its police force as a party: its consultation of the chief officer */
                consultation?: components["schemas"]["Consultation"];
                /** @description Approvals the party needs (default: all its signatories) */
                requiredApprovals?: number;
                signatories?: {
                    name: string;
                    role: string;
                    /** Format: email */
                    email: string;
                    /** @description Routing group: lowest first, equal in parallel (default 1) */
                    order?: number;
                }[];
                /** @description In a variation: this party of the agreement in force leaves it, and consents to that by signing the variation */
                leaving?: boolean;
            }[];
            legalContacts?: string[];
            reviewIntervalMonths?: number;
            publish?: boolean;
            withdrawalTerms?: string | null;
            effectiveDate?: string | null;
            nextReviewDate?: string | null;
            expiryDate?: string | null;
            publishExemptionReason?: string | null;
        };
        ImportAgreementRequest: {
            /** @description Its reference in the records it comes from: importing it again creates nothing */
            sourceReference: string;
            title: string;
            summary?: string;
            /**
             * @description Default PCA2017_S2
             * @enum {string}
             */
            legalBasis?: "PCA2017_S2" | "PA1996_S22A" | "OTHER";
            /** @description The text, when there is one to hand; the signed copy is what binds */
            body?: string;
            withdrawalTerms?: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD (Europe/London)
             */
            effectiveDate: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD (Europe/London)
             */
            nextReviewDate: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD (Europe/London)
             */
            expiryDate?: string;
            /** @description Default true */
            publish?: boolean;
            publishExemptionReason?: string;
            parties: {
                agencyId: string;
                signatories: {
                    name: string;
                    role: string;
                    /** Format: email */
                    email?: string;
                    /**
                     * Format: date
                     * @description Calendar date, YYYY-MM-DD (Europe/London)
                     */
                    signedOn: string;
                }[];
            }[];
            /** @description SHA-256 of the signed copy: it becomes the document hash, found by /verify */
            signedCopySha256?: string;
            /** @description How the importer satisfied themselves it was signed, e.g. the sealed copy held by legal services */
            attestation: string;
        };
        ImportCsvRequest: {
            /** @description One row per signatory; see the contract (Importing agreements) for the columns */
            csv: string;
            /**
             * @description Check every line and create nothing (the default)
             * @default true
             */
            dryRun: boolean;
            /** @description How the importer satisfied themselves it was signed, e.g. the sealed copy held by legal services */
            attestation: string;
        };
        ReasonRequest: {
            reason: string;
        };
        ReplaceSignatoryRequest: {
            /** @description As the agency's list gives it; the list's entry is what is recorded */
            name: string;
            role: string;
            /**
             * Format: email
             * @description Must be on the party agency's list of authorised signatories
             */
            email: string;
            /** @enum {string} */
            kind: "replacement" | "delegation";
            reason: string;
        };
        RecordReviewRequest: {
            /**
             * @description continue: set the next review date; vary: also open a variation draft; terminate: end it
             * @enum {string}
             */
            outcome: "continue" | "vary" | "terminate";
            notes: string;
            /**
             * Format: date
             * @description Default: today plus reviewIntervalMonths
             */
            nextReviewDate?: string;
        };
        /** @description Asks every party's signatories to agree to end the agreement */
        TerminationRequest: {
            reason: string;
            /**
             * Format: date
             * @description When it ends, once every party agrees: today (the default) or later; not before the agreement's effective date
             */
            effectiveDate?: string;
        };
        /** @description Records a termination every party agreed outside Accord (admin only) */
        TerminateRequest: {
            reason: string;
            /** @description Where and when every party agreed to end it outside Accord (minutes, letters, their references) */
            evidence: string;
            /**
             * Format: date
             * @description Default: today; not before the agreement's effective date
             */
            effectiveDate?: string;
        };
        PublicationRequest: {
            /**
             * @description The whole text, a summary, or not published
             * @enum {string}
             */
            mode: "full" | "summary" | "withheld";
            /** @description Where it is published (a web address or a place); required unless withheld */
            where?: string;
            /** @description Why it is withheld or only summarised; required unless published in full */
            reason?: string;
        };
        WithdrawalNoticeRequest: {
            /** @description The party leaving */
            agencyId: string;
            /**
             * Format: date
             * @description The day it leaves: today or later, as the withdrawal terms allow
             */
            effectiveDate: string;
            reason: string;
        };
        /** @description Declares a file; its bytes go straight to storage through the upload URL */
        AddAttachmentRequest: {
            /** @example Schedule 2 - Data sharing agreement.pdf */
            name: string;
            /** @enum {string} */
            contentType: "application/pdf" | "application/vnd.openxmlformats-officedocument.wordprocessingml.document" | "application/vnd.oasis.opendocument.text" | "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" | "image/png" | "image/jpeg";
            size: number;
            sha256: string;
        };
        CreateProposalRequest: {
            title: string;
            summary: string;
            proposerAgencyId: string;
            /** @description The agencies proposed as parties, besides the proposer */
            agencyIds: string[];
        };
        ResendProposalRequest: {
            /** @description The proposed agency to send it to again */
            agencyId: string;
        };
        WebhookRegistration: {
            /** Format: uri */
            url: string;
            events: ("agreement.submitted" | "signatory.decided" | "agreement.in_force" | "agreement.declined" | "agreement.withdrawn" | "agreement.superseded" | "review.due" | "review.overdue" | "termination.requested" | "party.withdrawal_notice" | "party.withdrawn" | "proposal.view_recorded" | "agreement.terminated" | "agreement.expired")[];
            /** @description Required of an agency's editor (their agency); an admin may leave it out to receive every agreement */
            agencyId?: string;
        };
        WebhookChange: {
            /** Format: uri */
            url?: string;
            events?: ("agreement.submitted" | "signatory.decided" | "agreement.in_force" | "agreement.declined" | "agreement.withdrawn" | "agreement.superseded" | "review.due" | "review.overdue" | "termination.requested" | "party.withdrawal_notice" | "party.withdrawn" | "proposal.view_recorded" | "agreement.terminated" | "agreement.expired")[];
            /**
             * @description `active` enables a disabled endpoint again
             * @enum {string}
             */
            state?: "active" | "disabled";
        };
        WebhookPayload: {
            /** @enum {string} */
            type: "agreement.submitted" | "signatory.decided" | "agreement.in_force" | "agreement.declined" | "agreement.withdrawn" | "agreement.superseded" | "review.due" | "review.overdue" | "termination.requested" | "party.withdrawal_notice" | "party.withdrawn" | "proposal.view_recorded" | "agreement.terminated" | "agreement.expired";
            /** Format: date-time */
            timestamp: string;
            data: {
                /** @description The audit event behind the delivery */
                event: {
                    id: string;
                    seq: number;
                    type: string;
                };
                signatory?: {
                    id: string;
                    name: string;
                    partyAgencyId: string;
                    /** @enum {string} */
                    decision: "approved" | "declined";
                };
                /**
                 * Format: date
                 * @description Calendar date, YYYY-MM-DD (Europe/London)
                 */
                date?: string;
                party?: {
                    agencyId: string;
                };
                agreement: components["schemas"]["WebhookAgreement"];
            };
        };
        WebhookAgreement: {
            id: string;
            reference: string;
            version: number;
            title: string;
            /** @enum {string} */
            status: "draft" | "awaiting_signatures" | "in_force" | "declined" | "withdrawn" | "terminated" | "expired" | "superseded";
            revision: number;
            parties: {
                agencyId: string;
                agencyName: string;
            }[];
            effectiveDate: string | null;
            nextReviewDate: string | null;
            expiryDate: string | null;
            documentSha256: string | null;
            /**
             * Format: uri
             * @description The agreement in the legal-team workspace
             */
            url: string;
        };
        ProposalWebhookPayload: {
            /** @enum {string} */
            type: "agreement.submitted" | "signatory.decided" | "agreement.in_force" | "agreement.declined" | "agreement.withdrawn" | "agreement.superseded" | "review.due" | "review.overdue" | "termination.requested" | "party.withdrawal_notice" | "party.withdrawn" | "proposal.view_recorded" | "agreement.terminated" | "agreement.expired";
            /** Format: date-time */
            timestamp: string;
            data: {
                /** @description The audit event behind the delivery */
                event: {
                    id: string;
                    seq: number;
                    type: string;
                };
                signatory?: {
                    id: string;
                    name: string;
                    partyAgencyId: string;
                    /** @enum {string} */
                    decision: "approved" | "declined";
                };
                /**
                 * Format: date
                 * @description Calendar date, YYYY-MM-DD (Europe/London)
                 */
                date?: string;
                party?: {
                    agencyId: string;
                };
                proposal: {
                    id: string;
                    title: string;
                    proposerAgencyId: string;
                    parties: {
                        agencyId: string;
                        agencyName: string;
                        view: ("benefit" | "decline") | null;
                    }[];
                    mustProceed: boolean;
                };
            };
        };
        /** @description RFC 9457 problem details */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            errors?: {
                path: string;
                message: string;
            }[];
        };
        /** @description An OpenAPI 3.1 document */
        OpenApiDocument: {
            openapi: string;
            info: {
                title: string;
                version: string;
            } & {
                [key: string]: unknown;
            };
            paths: {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        AgencyList: {
            items: components["schemas"]["Agency"][];
        };
        Agency: {
            id: string;
            name: string;
            /** @enum {string} */
            type: "police_force" | "policing_body" | "fire_and_rescue_authority" | "ambulance_trust" | "local_authority" | "other";
            /** @description For a police force: the policing body (PCC) that maintains it */
            policingBodyId?: string;
            /**
             * @description Who may sign for the agency
             * @default []
             */
            signatories: {
                name: string;
                role: string;
                email: string;
            }[];
            /**
             * @description When set, every authorised signatory has an address in one of these domains
             * @default []
             */
            emailDomains: string[];
            /**
             * @description Told when the agency is named as a party
             * @default []
             */
            legalContacts: string[];
            /**
             * @description Sent collaboration proposals to record its view; when empty, its legal contacts are
             * @default []
             */
            proposalContacts: string[];
            /**
             * @description Whether its declines of proposals, with reasons, are published
             * @default false
             */
            publishProposalDeclines: boolean;
            /** @default 1 */
            revision: number;
            createdAt: string;
        };
        AuthorisedSignatories: {
            agencyId: string;
            signatories: components["schemas"]["AuthorisedSignatory"][];
            emailDomains: string[];
        };
        AgencyEventList: {
            items: components["schemas"]["AgencyEvent"][];
        };
        AgencyEvent: {
            id: string;
            seq: number;
            type: string;
            at: string;
            actor: {
                /** @enum {string} */
                kind: "user" | "signatory" | "system";
                email?: string;
                name?: string;
            };
            data: {
                [key: string]: unknown;
            };
            /** @description Personal data kept as evidence (IP address, user agent). Not covered by `hash`, which covers its SHA-256 (`data.personalSha256`) instead, so it can be removed after the retention period without breaking the chain */
            personal?: {
                [key: string]: string;
            };
            /** @description The previous event's hash; null for the first */
            prevHash: string | null;
            /** @description Hex SHA-256 of the RFC 8785 canonical JSON of every other field but `personal` */
            hash: string;
            agencyId: string;
        };
        Agreement: {
            id: string;
            /** @example CA-2026-0007 */
            reference: string;
            version: number;
            supersedes: string | null;
            title: string;
            summary: string;
            /**
             * @description PCA2017_S2: Policing and Crime Act 2017 s.2; PA1996_S22A: Police Act 1996 s.22A; OTHER
             * @enum {string}
             */
            legalBasis: "PCA2017_S2" | "PA1996_S22A" | "OTHER";
            functions: string[];
            body: string;
            /**
             * @description The agreement as a file and its schedules; their hashes are part of the document hash
             * @default []
             */
            attachments: components["schemas"]["Attachment"][];
            withdrawalTerms: string | null;
            documentSha256: string | null;
            /**
             * @description The sealed PDF, once this version is in force (GET /agreements/{id}/executed.pdf)
             * @default null
             */
            executedCopy: components["schemas"]["ExecutedCopy"] | null;
            parties: {
                agencyId: string;
                agencyName: string;
                /** @enum {string} */
                agencyType: "police_force" | "policing_body" | "fire_and_rescue_authority" | "ambulance_trust" | "local_authority" | "other";
                /**
                 * @description For a police force: its policing body, when the record was made
                 * @default null
                 */
                policingBodyId: string | null;
                assessment: {
                    /** @description The party's assessment of the effect on its efficiency or effectiveness */
                    efficiencyEffectiveness?: string;
                    /** @description The party's assessment of the effect on public safety */
                    publicSafety?: string;
                };
                /** @default null */
                consultation: components["schemas"]["Consultation"] | null;
                /**
                 * @description How this party publishes the agreement once in force, as it recorded
                 * @default null
                 */
                publication: components["schemas"]["Publication"] | null;
                requiredApprovals: number;
                signatories: {
                    id: string;
                    name: string;
                    role: string;
                    email: string;
                    order: number;
                    /** @enum {string} */
                    status: "pending" | "requested" | "approved" | "declined" | "expired" | "bounced" | "not_required";
                    /** @default null */
                    requestedAt: string | null;
                    decidedAt: string | null;
                    reason: string | null;
                    /** @default null */
                    evidence: {
                        signedName: string | null;
                        /** @description Null once reduced after the evidence retention period */
                        ip: string | null;
                        /** @description Null once reduced after the evidence retention period */
                        userAgent: string | null;
                        documentSha256: string;
                        reasonCode: ("public_safety" | "efficiency_effectiveness" | "nhs_impact" | "other") | null;
                        /**
                         * @description Signed outside Accord: who attested the signature (how, in the `imported` audit event)
                         * @default null
                         */
                        imported: {
                            attestedBy: string;
                        } | null;
                    } | null;
                }[];
                /**
                 * @description Signs this version to consent to leaving; not a party once it is in force
                 * @default false
                 */
                leaving: boolean;
            }[];
            owner: string;
            ownerAgencyId: string | null;
            legalContacts: string[];
            /** @enum {string} */
            status: "draft" | "awaiting_signatures" | "in_force" | "declined" | "withdrawn" | "terminated" | "expired" | "superseded";
            effectiveDate: string | null;
            reviewIntervalMonths: number;
            nextReviewDate: string | null;
            expiryDate: string | null;
            publish: boolean;
            publishExemptionReason: string | null;
            /**
             * @description Emails that could not be delivered after retries
             * @default []
             */
            undelivered: {
                template: string;
                to: string;
                at: string;
            }[];
            /**
             * @description Reviews recorded on this version, oldest first
             * @default []
             */
            reviews: {
                at: string;
                by: string;
                /** @enum {string} */
                outcome: "continue" | "vary" | "terminate";
                notes: string;
                nextReviewDate: string | null;
            }[];
            /** @default null */
            termination: {
                reason: string;
                /**
                 * Format: date
                 * @description Calendar date, YYYY-MM-DD (Europe/London)
                 */
                effectiveDate: string;
                at: string;
                by: string;
            } | null;
            /**
             * @description An open round asking every party to agree to end the agreement, or one agreed to take effect later
             * @default null
             */
            terminationRound: {
                reason: string;
                /**
                 * Format: date
                 * @description Calendar date, YYYY-MM-DD (Europe/London)
                 */
                effectiveDate: string;
                requestedBy: string;
                requestedAt: string;
                /** @description The signatories asked: those still authorised by their agency when the round opened (absent: all) */
                asked?: string[];
                /**
                 * @description Approvals each party (by agency id) needs to agree (absent: its requiredApprovals)
                 * @default {}
                 */
                required: {
                    [key: string]: number;
                };
                /** @description By signatory id */
                approvals: {
                    [key: string]: {
                        at: string;
                        signedName: string;
                        ip: string | null;
                        userAgent: string | null;
                    };
                };
                /** @description When the last party agreed; it ends on effectiveDate */
                agreedAt: string | null;
            } | null;
            /**
             * @description The collaboration proposal this agreement was drafted from
             * @default null
             */
            proposalId: string | null;
            /**
             * @description Parties that gave notice to leave under the withdrawal terms (PCA 2017 s.4(7)), until their date comes
             * @default []
             */
            withdrawalNotices: components["schemas"]["WithdrawalNotice"][];
            revision: number;
            createdAt: string;
            updatedAt: string;
        };
        Attachment: {
            id: string;
            name: string;
            /** @enum {string} */
            contentType: "application/pdf" | "application/vnd.openxmlformats-officedocument.wordprocessingml.document" | "application/vnd.oasis.opendocument.text" | "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" | "image/png" | "image/jpeg";
            size: number;
            sha256: string;
            /**
             * @description pending until the bytes arrive and are checked; refused says why in `refusal`
             * @enum {string}
             */
            status: "pending" | "available" | "refused";
            /** @default null */
            refusal: ("empty" | "too_large" | "size_mismatch" | "hash_mismatch" | "type_mismatch" | "unsupported_type" | "encrypted_pdf" | "not_uploaded") | null;
            /**
             * @description The copy signed outside Accord of an imported agreement: its SHA-256 is the document hash
             * @default false
             */
            signedCopy: boolean;
            addedBy: string;
            addedAt: string;
            /**
             * @description While pending: when its upload URL stops working (ask for a new one after)
             * @default null
             */
            uploadExpiresAt: string | null;
            objectKey: string;
        };
        ExecutedCopy: {
            sha256: string;
            size: number;
            sealedAt: string;
            objectKey: string;
        };
        Publication: {
            /** @enum {string} */
            mode: "full" | "summary" | "withheld";
            where: string | null;
            reason: string | null;
            recordedAt: string;
            recordedBy: string;
        };
        WithdrawalNotice: {
            agencyId: string;
            agencyName: string;
            /**
             * Format: date
             * @description Calendar date, YYYY-MM-DD (Europe/London)
             */
            effectiveDate: string;
            reason: string;
            givenAt: string;
            givenBy: string;
        };
        AgreementList: {
            items: components["schemas"]["AgreementSummary"][];
            nextCursor: string | null;
        };
        AgreementSummary: {
            id: string;
            /** @example CA-2026-0007 */
            reference: string;
            documentSha256: string | null;
            version: number;
            title: string;
            summary: string;
            /**
             * @description PCA2017_S2: Policing and Crime Act 2017 s.2; PA1996_S22A: Police Act 1996 s.22A; OTHER
             * @enum {string}
             */
            legalBasis: "PCA2017_S2" | "PA1996_S22A" | "OTHER";
            /** @enum {string} */
            status: "draft" | "awaiting_signatures" | "in_force" | "declined" | "withdrawn" | "terminated" | "expired" | "superseded";
            owner: string;
            effectiveDate: string | null;
            nextReviewDate: string | null;
            createdAt: string;
            updatedAt: string;
            /** @default null */
            expiryDate: string | null;
            parties: {
                agencyId: string;
                agencyName: string;
                /** @default null */
                publication: components["schemas"]["Publication"] | null;
            }[];
            /** @description Names of signatories whose decision is still awaited */
            awaiting: string[];
        };
        AuditEventList: {
            items: components["schemas"]["AuditEvent"][];
        };
        AuditEvent: {
            id: string;
            agreementId: string;
            seq: number;
            type: string;
            at: string;
            actor: {
                /** @enum {string} */
                kind: "user" | "signatory" | "system";
                email?: string;
                name?: string;
            };
            data: {
                [key: string]: unknown;
            };
            /** @description Personal data kept as evidence (IP address, user agent). Not covered by `hash`, which covers its SHA-256 (`data.personalSha256`) instead, so it can be removed after the retention period without breaking the chain */
            personal?: {
                [key: string]: string;
            };
            /** @description The previous event's hash; null for the first */
            prevHash: string | null;
            /** @description Hex SHA-256 of the RFC 8785 canonical JSON of every other field but `personal` */
            hash: string;
        };
        ImportCsvResult: {
            dryRun: boolean;
            agreements: {
                sourceReference: string;
                lines: number[];
                /** @enum {string} */
                outcome: "created" | "would_create" | "exists" | "invalid";
                agreementId: string | null;
                errors: {
                    line: number;
                    field: string;
                    message: string;
                }[];
            }[];
        };
        /** @description Who signed which document hash, when and from where */
        Certificate: {
            reference: string;
            version: number;
            title: string;
            /** @enum {string} */
            status: "draft" | "awaiting_signatures" | "in_force" | "declined" | "withdrawn" | "terminated" | "expired" | "superseded";
            /**
             * @description PCA2017_S2: Policing and Crime Act 2017 s.2; PA1996_S22A: Police Act 1996 s.22A; OTHER
             * @enum {string}
             */
            legalBasis: "PCA2017_S2" | "PA1996_S22A" | "OTHER";
            documentSha256: string | null;
            effectiveDate: string | null;
            nextReviewDate: string | null;
            parties: {
                agencyName: string;
                /** @description Signed this version to leave the agreement */
                leaving: boolean;
                requiredApprovals: number;
                signatories: {
                    name: string;
                    role: string;
                    /** @enum {string} */
                    status: "pending" | "requested" | "approved" | "declined" | "expired" | "bounced" | "not_required";
                    decidedAt: string | null;
                    signedName: string | null;
                    documentSha256: string | null;
                    ip: string | null;
                    userAgent: string | null;
                    reasonCode: ("public_safety" | "efficiency_effectiveness" | "nhs_impact" | "other") | null;
                    reason: string | null;
                }[];
            }[];
            /**
             * @description The files signed with the text: their hashes are part of the document hash
             * @default []
             */
            attachments: {
                name: string;
                contentType: string;
                size: number;
                sha256: string;
            }[];
            auditTrail: {
                events: number;
                lastHash: string | null;
                intact: boolean;
            };
            issuedAt: string;
        };
        /** @description Which agreement versions hold a file with this hash, and nothing else about them */
        Verification: {
            sha256: string;
            matches: {
                /**
                 * @description What the file is to that version: its signed document, one of its attachments, or its sealed executed copy
                 * @enum {string}
                 */
                kind: "document" | "attachment" | "executed_copy";
                reference: string;
                version: number;
                /** @enum {string} */
                status: "draft" | "awaiting_signatures" | "in_force" | "declined" | "withdrawn" | "terminated" | "expired" | "superseded";
                /** @description The day it came into force, if it has */
                inForceSince: string | null;
            }[];
        };
        AttachmentUpload: {
            attachmentId: string;
            /** Format: uri */
            uploadUrl: string;
            /** @constant */
            uploadMethod: "PUT";
            /** @description Send these headers with the PUT, exactly */
            uploadHeaders: {
                [key: string]: string;
            };
            expiresAt: string;
        };
        AttachmentDownload: {
            /** Format: uri */
            url: string;
            expiresAt: string;
        };
        Register: {
            items: components["schemas"]["RegisterEntry"][];
            nextCursor: string | null;
        };
        RegisterEntry: {
            /** @description Its published text is at /register/agreements/{id} */
            id: string;
            reference: string;
            version: number;
            title: string;
            summary: string;
            /**
             * @description PCA2017_S2: Policing and Crime Act 2017 s.2; PA1996_S22A: Police Act 1996 s.22A; OTHER
             * @enum {string}
             */
            legalBasis: "PCA2017_S2" | "PA1996_S22A" | "OTHER";
            parties: string[];
            /** @description The agency ids of `parties`, in the same order (for `?agency=`) */
            partyAgencyIds: string[];
            /** @description How each party that has said so publishes the agreement (Police Act 1996 s.23E) */
            publication: {
                agencyId: string;
                agency: string;
                /** @enum {string} */
                mode: "full" | "summary" | "withheld";
                where: string | null;
                reason: string | null;
            }[];
            effectiveDate: string | null;
            nextReviewDate: string | null;
            documentSha256: string | null;
        };
        Proposal: {
            id: string;
            title: string;
            summary: string;
            proposerAgencyId: string;
            /** @description The proposer first; it sees a benefit by proposing */
            parties: {
                agencyId: string;
                agencyName: string;
                /** @enum {string} */
                agencyType: "police_force" | "policing_body" | "fire_and_rescue_authority" | "ambulance_trust" | "local_authority" | "other";
                publishesDeclines: boolean;
                view: components["schemas"]["ProposalView"] | null;
            }[];
            /** @description Two or more parties see a benefit: they must proceed to an agreement */
            mustProceed: boolean;
            draftAgreementId: string | null;
            createdAt: string;
            createdBy: string;
            revision: number;
        };
        ProposalView: {
            /**
             * @description benefit: it would serve the party’s efficiency or effectiveness
             * @enum {string}
             */
            kind: "benefit" | "decline";
            ground: ("public_safety" | "efficiency_effectiveness" | "other_functions_or_nhs") | null;
            reasons: string;
            recordedAt: string;
            recordedBy: {
                name: string;
                email: string;
            };
        };
        ProposalList: {
            items: components["schemas"]["Proposal"][];
        };
        ProposalEventList: {
            items: components["schemas"]["ProposalEvent"][];
        };
        ProposalEvent: {
            id: string;
            seq: number;
            type: string;
            at: string;
            actor: {
                /** @enum {string} */
                kind: "user" | "signatory" | "system";
                email?: string;
                name?: string;
            };
            data: {
                [key: string]: unknown;
            };
            /** @description Personal data kept as evidence (IP address, user agent). Not covered by `hash`, which covers its SHA-256 (`data.personalSha256`) instead, so it can be removed after the retention period without breaking the chain */
            personal?: {
                [key: string]: string;
            };
            /** @description The previous event's hash; null for the first */
            prevHash: string | null;
            /** @description Hex SHA-256 of the RFC 8785 canonical JSON of every other field but `personal` */
            hash: string;
            proposalId: string;
        };
        PublishedDeclineList: {
            items: components["schemas"]["PublishedDecline"][];
        };
        PublishedDecline: {
            proposalId: string;
            title: string;
            proposer: string;
            agency: string;
            /** @enum {string} */
            ground: "public_safety" | "efficiency_effectiveness" | "other_functions_or_nhs";
            reasons: string;
            recordedAt: string;
        };
        WebhookWithSecret: {
            endpoint: components["schemas"]["WebhookEndpoint"];
            /** @description Standard Webhooks signing secret; shown only now */
            secret: string;
        };
        WebhookEndpoint: {
            id: string;
            /** Format: uri */
            url: string;
            events: ("agreement.submitted" | "signatory.decided" | "agreement.in_force" | "agreement.declined" | "agreement.withdrawn" | "agreement.superseded" | "review.due" | "review.overdue" | "termination.requested" | "party.withdrawal_notice" | "party.withdrawn" | "proposal.view_recorded" | "agreement.terminated" | "agreement.expired")[];
            /** @description The agency whose agreements it receives; null: every agreement (an admin's) */
            agencyId: string | null;
            /** @enum {string} */
            state: "active" | "disabled";
            disabledReason: string | null;
            /** @description First of an unbroken run of failed deliveries; 24 hours of them disable it */
            failingSince: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Told by email if the endpoint is disabled */
            createdBy: string;
            revision: number;
        };
        WebhookEndpointList: {
            items: components["schemas"]["WebhookEndpoint"][];
        };
        WebhookAttemptList: {
            items: components["schemas"]["WebhookAttempt"][];
            nextCursor: string | null;
        };
        WebhookAttempt: {
            id: string;
            webhookId: string;
            /** @enum {string} */
            eventType: "agreement.submitted" | "signatory.decided" | "agreement.in_force" | "agreement.declined" | "agreement.withdrawn" | "agreement.superseded" | "review.due" | "review.overdue" | "termination.requested" | "party.withdrawal_notice" | "party.withdrawn" | "proposal.view_recorded" | "agreement.terminated" | "agreement.expired";
            /** @description The agreement the event is about; null for a proposal */
            agreementId: string | null;
            /**
             * @description The proposal the event is about, for `proposal.*`
             * @default null
             */
            proposalId: string | null;
            /** Format: date-time */
            at: string;
            /** @description Counts from 1 for each event and endpoint; a replay starts again */
            attempt: number;
            /** @enum {string} */
            outcome: "delivered" | "retrying" | "failed";
            /** @description The receiver's status, when it answered */
            statusCode: number | null;
            /** @description Why it failed: a status outside 2xx, a timeout, a refused address */
            error: string | null;
            durationMs: number;
            nextAttemptAt: string | null;
            replay: boolean;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3.1 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OpenApiDocument"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAgencies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every agency, by name */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyList"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createAgency: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAgencyRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agency"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The id is taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 400 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAgency: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agency */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agency"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such agency */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuthorisedSignatories: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The list */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorisedSignatories"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such agency */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setAuthorisedSignatories: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AuthorisedSignatoriesRequest"];
            };
        };
        responses: {
            /** @description The new list */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorisedSignatories"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an editor of this agency */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 400 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setLegalContacts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LegalContactsRequest"];
            };
        };
        responses: {
            /** @description The agency */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agency"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an editor of this agency */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 400 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setProposalContacts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProposalContactsRequest"];
            };
        };
        responses: {
            /** @description The agency */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agency"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an editor of this agency */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 400 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAgencyEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The events, hash-chained */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyEventList"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAgreements: {
        parameters: {
            query?: {
                status?: "draft" | "awaiting_signatures" | "in_force" | "declined" | "withdrawn" | "terminated" | "expired" | "superseded";
                agency?: string;
                legalBasis?: "PCA2017_S2" | "PA1996_S22A" | "OTHER";
                /** @description By when each was drafted: newest first (the default) or oldest; with reviewDueBefore, soonest review first */
                sort?: "newest" | "oldest";
                /** @description In-force agreements whose next review is on or before this date */
                reviewDueBefore?: string;
                /** @description Words in the reference, title, summary, party names, or signatory names and emails */
                q?: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page, newest first (soonest review first with reviewDueBefore) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementList"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createAgreement: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique string: a retry with the same key returns the first draft instead of making a second */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAgreementRequest"];
            };
        };
        responses: {
            /** @description The new draft, version 1, with its reference */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 400 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A party or the drafting agency does not exist */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agreement; ETag is its revision */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    editAgreement: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a read ("7"), a list of them, or *: the change is made only if the agreement is still at that revision */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatchAgreementRequest"];
            };
        };
        responses: {
            /** @description The edited draft with its new ETag */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only a draft can be edited */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match does not match the current revision */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 400 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A party names an agency that does not exist */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match is missing */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAgreementEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every event; each hash covers the event and the previous hash */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventList"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportAgreementRequest"];
            };
        };
        responses: {
            /** @description The agreement, in force */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An agreement with this sourceReference was imported before */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 400 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Every failed rule, by field: unknown agencies, dates, the statute’s party rules */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importAgreementsCsv: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportCsvRequest"];
            };
        };
        responses: {
            /** @description What became of each agreement in the file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportCsvResult"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 400 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitAgreement: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a read ("7"), a list of them, or *: the change is made only if the agreement is still at that revision */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Awaiting signatures; the first routing group has been emailed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed from the agreement’s current status */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match (optional) does not match the current revision */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Every failed rule, by field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Three already today; `Retry-After` says when the limit resets */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    withdrawAgreement: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a read ("7"), a list of them, or *: the change is made only if the agreement is still at that revision */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonRequest"];
            };
        };
        responses: {
            /** @description Withdrawn; open links revoked, everyone told */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed from the agreement’s current status */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match (optional) does not match the current revision */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 400 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reviseAgreement: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a read ("7"), a list of them, or *: the change is made only if the agreement is still at that revision */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new draft version */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not declined or withdrawn, or already revised */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match (optional) does not match the current revision */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startVariation: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a read ("7"), a list of them, or *: the change is made only if the agreement is still at that revision */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The variation draft; the current version stays in force until it is signed */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not in force, or a variation exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match (optional) does not match the current revision */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaceSignatory: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a read ("7"), a list of them, or *: the change is made only if the agreement is still at that revision */
                "if-match"?: string;
            };
            path: {
                id: string;
                signatoryId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplaceSignatoryRequest"];
            };
        };
        responses: {
            /** @description Replaced; if the signatory had been asked, the new one has a link and the old link is closed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed from the agreement’s current status */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match (optional) does not match the current revision */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 400 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The new person is not on the party agency’s list of authorised signatories */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resendSigningLink: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a read ("7"), a list of them, or *: the change is made only if the agreement is still at that revision */
                "if-match"?: string;
            };
            path: {
                id: string;
                signatoryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A new link is on its way */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed from the agreement’s current status */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match (optional) does not match the current revision */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The signatory is no longer on their agency’s list */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Three already today; `Retry-After` says when the limit resets */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordReview: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a read ("7"), a list of them, or *: the change is made only if the agreement is still at that revision */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordReviewRequest"];
            };
        };
        responses: {
            /** @description The reviewed agreement, and the variation draft for `vary` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agreement: components["schemas"]["Agreement"];
                        variation: components["schemas"]["Agreement"] | null;
                    };
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not in force */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match (optional) does not match the current revision: someone recorded a review meanwhile */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 400 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestTermination: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a read ("7"), a list of them, or *: the change is made only if the agreement is still at that revision */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TerminationRequest"];
            };
        };
        responses: {
            /** @description The termination round is open; every signatory has been emailed a link */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed from the agreement’s current status */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match (optional) does not match the current revision */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 400 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Three already today; `Retry-After` says when the limit resets */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    withdrawTermination: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a read ("7"), a list of them, or *: the change is made only if the agreement is still at that revision */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReasonRequest"];
            };
        };
        responses: {
            /** @description The round is withdrawn */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed from the agreement’s current status */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match (optional) does not match the current revision */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 400 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordTermination: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TerminateRequest"];
            };
        };
        responses: {
            /** @description Terminated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed from the agreement’s current status */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match (optional) does not match the current revision */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 400 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The certificate */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Certificate"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sha256: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matching versions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Verification"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordPublication: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a read ("7"), a list of them, or *: the change is made only if the agreement is still at that revision */
                "if-match"?: string;
            };
            path: {
                id: string;
                agencyId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublicationRequest"];
            };
        };
        responses: {
            /** @description The agreement with the publication recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an editor of that party's agency */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such agreement, or that agency is not a party */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The agreement is not in force */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match (optional) does not match the current revision */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 400 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    giveWithdrawalNotice: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a read ("7"), a list of them, or *: the change is made only if the agreement is still at that revision */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawalNoticeRequest"];
            };
        };
        responses: {
            /** @description The agreement with the notice recorded; every party has been told */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an editor of the leaving party's agency */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not in force, notice already given, or a new version is being drafted */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match (optional) does not match the current revision */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 400 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description That agency is not a party */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addAttachment: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a read ("7"), a list of them, or *: the change is made only if the agreement is still at that revision */
                "if-match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddAttachmentRequest"];
            };
        };
        responses: {
            /** @description Where to PUT the bytes, with the headers to send, until expiresAt */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentUpload"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only a draft carries new files */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match (optional) does not match the current revision */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 400 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The draft already carries 20 files */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reopenAttachmentUpload: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a read ("7"), a list of them, or *: the change is made only if the agreement is still at that revision */
                "if-match"?: string;
            };
            path: {
                id: string;
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Where to PUT the bytes, with the headers to send, until expiresAt */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentUpload"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such file */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The file is stored already, or the agreement is no longer a draft */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match (optional) does not match the current revision */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    openAttachment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Where to download it, until expiresAt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentDownload"];
                };
            };
            /** @description Location: the file, for five minutes (when the caller accepts text/html) */
            303: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such file, or not stored (yet) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeAttachment: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a read ("7"), a list of them, or *: the change is made only if the agreement is still at that revision */
                "if-match"?: string;
            };
            path: {
                id: string;
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The draft without the file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such file on this draft */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Only a draft’s files can be removed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match (optional) does not match the current revision */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAgreementText: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An HTML fragment: the text as one document block */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getExecutedCopy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sealed PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not in force, or its copy is still being sealed (a minute at most) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getVerifyPage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An HTML page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyFile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The file's bytes (at most 4 MB; check a larger one by its SHA-256), or the verify page's form */
        requestBody: {
            content: {
                "application/octet-stream": string;
                "application/pdf": string;
                "multipart/form-data": string;
            };
        };
        responses: {
            /** @description The matching versions (HTML for the page’s form) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Verification"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No agreement in Accord holds this file */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRegisterPage: {
        parameters: {
            query?: {
                /** @description Only agreements with this agency as a party */
                agency?: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An HTML page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRegister: {
        parameters: {
            query?: {
                /** @description Only agreements with this agency as a party */
                agency?: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the register */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Register"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getRegisterCsv: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 4180 CSV */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPublishedAgreementPage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An HTML page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a published agreement in force */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProposals: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up to the newest 100 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalList"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createProposal: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProposalRequest"];
            };
        };
        responses: {
            /** @description The proposal */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an editor of the proposing agency */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 400 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unknown agency, one named twice, or one with no contact to send it to */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proposal */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such proposal, or not one of the caller’s agencies */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProposalEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The trail */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProposalEventList"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such proposal, or not one of the caller’s agencies */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    resendProposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResendProposalRequest"];
            };
        };
        responses: {
            /** @description The proposal; the agency’s contacts have been emailed new links */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Proposal"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an editor of the proposing agency */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such proposal, or not one of the caller’s agencies */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The agency has answered */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 400 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a proposed party, or no one to send it to */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPublishedDeclines: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The newest 100 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedDeclineList"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    draftFromProposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The draft */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such proposal, or not one of the caller’s agencies */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Fewer than two parties see a benefit, or the draft is open already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointList"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    registerWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookRegistration"];
            };
        };
        responses: {
            /** @description Registered */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not an editor of that agency (an editor registers for their own agency's agreements) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not found, or not visible to the caller */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 400 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such agency */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such endpoint, or not one the caller manages */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such endpoint, or not one the caller manages */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changeWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookChange"];
            };
        };
        responses: {
            /** @description The endpoint as changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such endpoint, or not one the caller manages */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A delivery changed it meanwhile; try again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than 400 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new secret, shown only now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such endpoint, or not one the caller manages */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A delivery changed it meanwhile; try again */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of attempts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAttemptList"];
                };
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such endpoint, or not one the caller manages */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replayWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                attemptId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued: it appears in the log when delivered */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad input; `errors[]` names each field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's role does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such endpoint, or not one the caller manages */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The endpoint is disabled: enable it first */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The event is older than 30 days */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected failure; the problem reveals nothing of its cause */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Storage briefly unreachable; nothing was changed. Send the request again after `Retry-After` seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    onAgreementSubmitted: {
        parameters: {
            query?: never;
            header: {
                /** @description The same for every attempt and replay of a delivery: drop repeats by it */
                "webhook-id": string;
                /** @description Unix seconds when the attempt was signed */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` (two during a secret rotation) */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"];
            };
        };
        responses: {
            /** @description Any 2xx status acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status, or no answer in 10 seconds, is retried on a schedule for 24 hours */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onSignatoryDecided: {
        parameters: {
            query?: never;
            header: {
                /** @description The same for every attempt and replay of a delivery: drop repeats by it */
                "webhook-id": string;
                /** @description Unix seconds when the attempt was signed */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` (two during a secret rotation) */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"];
            };
        };
        responses: {
            /** @description Any 2xx status acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status, or no answer in 10 seconds, is retried on a schedule for 24 hours */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onAgreementInForce: {
        parameters: {
            query?: never;
            header: {
                /** @description The same for every attempt and replay of a delivery: drop repeats by it */
                "webhook-id": string;
                /** @description Unix seconds when the attempt was signed */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` (two during a secret rotation) */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"];
            };
        };
        responses: {
            /** @description Any 2xx status acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status, or no answer in 10 seconds, is retried on a schedule for 24 hours */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onAgreementDeclined: {
        parameters: {
            query?: never;
            header: {
                /** @description The same for every attempt and replay of a delivery: drop repeats by it */
                "webhook-id": string;
                /** @description Unix seconds when the attempt was signed */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` (two during a secret rotation) */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"];
            };
        };
        responses: {
            /** @description Any 2xx status acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status, or no answer in 10 seconds, is retried on a schedule for 24 hours */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onAgreementWithdrawn: {
        parameters: {
            query?: never;
            header: {
                /** @description The same for every attempt and replay of a delivery: drop repeats by it */
                "webhook-id": string;
                /** @description Unix seconds when the attempt was signed */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` (two during a secret rotation) */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"];
            };
        };
        responses: {
            /** @description Any 2xx status acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status, or no answer in 10 seconds, is retried on a schedule for 24 hours */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onAgreementSuperseded: {
        parameters: {
            query?: never;
            header: {
                /** @description The same for every attempt and replay of a delivery: drop repeats by it */
                "webhook-id": string;
                /** @description Unix seconds when the attempt was signed */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` (two during a secret rotation) */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"];
            };
        };
        responses: {
            /** @description Any 2xx status acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status, or no answer in 10 seconds, is retried on a schedule for 24 hours */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onReviewDue: {
        parameters: {
            query?: never;
            header: {
                /** @description The same for every attempt and replay of a delivery: drop repeats by it */
                "webhook-id": string;
                /** @description Unix seconds when the attempt was signed */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` (two during a secret rotation) */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"];
            };
        };
        responses: {
            /** @description Any 2xx status acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status, or no answer in 10 seconds, is retried on a schedule for 24 hours */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onReviewOverdue: {
        parameters: {
            query?: never;
            header: {
                /** @description The same for every attempt and replay of a delivery: drop repeats by it */
                "webhook-id": string;
                /** @description Unix seconds when the attempt was signed */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` (two during a secret rotation) */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"];
            };
        };
        responses: {
            /** @description Any 2xx status acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status, or no answer in 10 seconds, is retried on a schedule for 24 hours */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onTerminationRequested: {
        parameters: {
            query?: never;
            header: {
                /** @description The same for every attempt and replay of a delivery: drop repeats by it */
                "webhook-id": string;
                /** @description Unix seconds when the attempt was signed */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` (two during a secret rotation) */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"];
            };
        };
        responses: {
            /** @description Any 2xx status acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status, or no answer in 10 seconds, is retried on a schedule for 24 hours */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onPartyWithdrawalNotice: {
        parameters: {
            query?: never;
            header: {
                /** @description The same for every attempt and replay of a delivery: drop repeats by it */
                "webhook-id": string;
                /** @description Unix seconds when the attempt was signed */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` (two during a secret rotation) */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"];
            };
        };
        responses: {
            /** @description Any 2xx status acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status, or no answer in 10 seconds, is retried on a schedule for 24 hours */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onPartyWithdrawn: {
        parameters: {
            query?: never;
            header: {
                /** @description The same for every attempt and replay of a delivery: drop repeats by it */
                "webhook-id": string;
                /** @description Unix seconds when the attempt was signed */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` (two during a secret rotation) */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"];
            };
        };
        responses: {
            /** @description Any 2xx status acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status, or no answer in 10 seconds, is retried on a schedule for 24 hours */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onProposalViewRecorded: {
        parameters: {
            query?: never;
            header: {
                /** @description The same for every attempt and replay of a delivery: drop repeats by it */
                "webhook-id": string;
                /** @description Unix seconds when the attempt was signed */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` (two during a secret rotation) */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProposalWebhookPayload"];
            };
        };
        responses: {
            /** @description Any 2xx status acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status, or no answer in 10 seconds, is retried on a schedule for 24 hours */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onAgreementTerminated: {
        parameters: {
            query?: never;
            header: {
                /** @description The same for every attempt and replay of a delivery: drop repeats by it */
                "webhook-id": string;
                /** @description Unix seconds when the attempt was signed */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` (two during a secret rotation) */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"];
            };
        };
        responses: {
            /** @description Any 2xx status acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status, or no answer in 10 seconds, is retried on a schedule for 24 hours */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    onAgreementExpired: {
        parameters: {
            query?: never;
            header: {
                /** @description The same for every attempt and replay of a delivery: drop repeats by it */
                "webhook-id": string;
                /** @description Unix seconds when the attempt was signed */
                "webhook-timestamp": string;
                /** @description Space-separated `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` (two during a secret rotation) */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"];
            };
        };
        responses: {
            /** @description Any 2xx status acknowledges the delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Any other status, or no answer in 10 seconds, is retried on a schedule for 24 hours */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
