package io.evalflow.review;

import java.io.Serializable;

/**
 * The password an imported expert signs in with first; generated, shown to the organizer
 * once and stored only as its hash.
 */
public record InitialPassword(String username, String name, String password) implements Serializable {

}
