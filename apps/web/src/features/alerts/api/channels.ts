import { graphql } from '../../../gql/gql.ts';

/** The notification channels with their settings (secrets masked by the server; operator key). */
export const NotificationChannelsQuery = graphql(`
  query NotificationChannels {
    notificationChannels {
      id
      name
      type
      enabled
      source
      settings {
        name
        value
      }
    }
  }
`);

/** Adds a channel (admin key). */
export const CreateChannelMutation = graphql(`
  mutation CreateChannel($input: NotificationChannelInput!) {
    createNotificationChannel(input: $input) {
      __typename
      ... on NotificationChannel {
        id
      }
      ... on ValidationError {
        message
        errors {
          field
          message
        }
      }
      ... on NotFoundError {
        message
      }
    }
  }
`);

/** Changes a channel (admin key); omitted settings keep their value. */
export const UpdateChannelMutation = graphql(`
  mutation UpdateChannel($id: ID!, $input: NotificationChannelPatch!) {
    updateNotificationChannel(id: $id, input: $input) {
      __typename
      ... on NotificationChannel {
        id
      }
      ... on ValidationError {
        message
        errors {
          field
          message
        }
      }
      ... on NotFoundError {
        message
      }
    }
  }
`);

/** Deletes a channel (admin key). */
export const DeleteChannelMutation = graphql(`
  mutation DeleteChannel($id: ID!) {
    deleteNotificationChannel(id: $id) {
      __typename
      ... on Deletion {
        id
      }
      ... on ValidationError {
        message
      }
      ... on NotFoundError {
        message
      }
    }
  }
`);

/** Sends a test notification through one channel (admin key). */
export const SendTestNotificationMutation = graphql(`
  mutation SendTestNotification($channelId: ID!) {
    sendTestNotification(channelId: $channelId) {
      __typename
      ... on TestNotification {
        delivered
        reason
        status
      }
      ... on NotFoundError {
        message
      }
    }
  }
`);

/** The notifications bound for one channel, newest first (operator key). */
export const ChannelLogQuery = graphql(`
  query ChannelLog($channel: String!) {
    notificationLog(channel: $channel, first: 20) {
      id
      ...DeliveryLog_NotificationDeliveryFragment
    }
  }
`);
