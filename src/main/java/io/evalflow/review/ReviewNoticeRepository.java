package io.evalflow.review;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewNoticeRepository extends JpaRepository<ReviewNotice, Long> {

	List<ReviewNotice> findByReviewIdIn(Collection<Long> reviewIds);

}
