package io.feedbackbot.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The organisation that handles work orders ({@code org:} in feedbackbot.yaml): stores, grouped in areas, under
 * one head office. Each unit has its supervisors and a notification target; each store has the queue of its team.
 * Invariant: store and area ids are unique.
 */
public record OrgSettings(Unit headOffice, List<Area> areas) {

    public OrgSettings {
        Objects.requireNonNull(headOffice, "headOffice");
        areas = List.copyOf(areas);
    }

    /** The store with this id, if configured. */
    public Optional<Store> store(String id) {
        return areas.stream().flatMap(a -> a.stores().stream()).filter(s -> s.id().equals(id)).findFirst();
    }

    /** The area a store belongs to. */
    public Optional<Area> areaOf(String storeId) {
        return areas.stream().filter(a -> a.stores().stream().anyMatch(s -> s.id().equals(storeId))).findFirst();
    }

    public Optional<Area> area(String id) {
        return areas.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** Every store of every area. */
    public List<Store> stores() {
        return areas.stream().flatMap(a -> a.stores().stream()).toList();
    }

    /** The head office (or any unit without a queue of its own). */
    public record Unit(String id, String name, List<String> supervisors, NotifyTarget target) {
        public Unit {
            Objects.requireNonNull(id, "id");
            supervisors = List.copyOf(supervisors);
            target = target == null ? NotifyTarget.NONE : target;
        }
    }

    /** An area: its stores and who watches them. */
    public record Area(String id, String name, List<String> supervisors, NotifyTarget target, List<Store> stores) {
        public Area {
            Objects.requireNonNull(id, "id");
            supervisors = List.copyOf(supervisors);
            target = target == null ? NotifyTarget.NONE : target;
            stores = List.copyOf(stores);
        }
    }

    /** A store: its team's queue, agents and supervisors. */
    public record Store(String id, String name, String queue, List<String> agents, List<String> supervisors,
                        NotifyTarget target) {
        public Store {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(queue, "queue");
            agents = List.copyOf(agents);
            supervisors = List.copyOf(supervisors);
            target = target == null ? NotifyTarget.NONE : target;
        }
    }

    /**
     * Where a unit hears about escalations: a generic JSON webhook (signed with HMAC-SHA256 when a secret is set)
     * and a WeCom (企业微信) group-robot webhook. Either may be null.
     */
    public record NotifyTarget(String webhookUrl, String webhookSecret, String wecomUrl) {
        public static final NotifyTarget NONE = new NotifyTarget(null, null, null);

        public boolean isEmpty() {
            return webhookUrl == null && wecomUrl == null;
        }

        @Override
        public String toString() {
            return "NotifyTarget[webhookUrl=" + webhookUrl + ", webhookSecret=" + (webhookSecret == null ? "none" : "****")
                    + ", wecomUrl=" + (wecomUrl == null ? "none" : "set") + "]";
        }
    }
}
